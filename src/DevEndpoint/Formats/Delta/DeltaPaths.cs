namespace DevEndpoint.Formats.Delta;

/// <summary>The paths a Delta log writes: URL-encoded, relative to the table root or absolute (<c>/x</c>, <c>file:/x</c>, <c>file:///x</c>).</summary>
internal static class DeltaPaths
{
    /// <summary>The path with its <c>file:</c> scheme and its URL encoding taken off, so that every spelling of one file is one text.</summary>
    public static string Canonical(string path)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = path[5..];
            if (path.StartsWith("///", StringComparison.Ordinal))
            {
                path = path[2..];
            }
        }

        return Uri.UnescapeDataString(path);
    }

    /// <summary>The file a log path names: an absolute path as is, a relative one under the table root.</summary>
    public static string Full(TableStorage storage, string root, string path) => storage.Resolve(root, Canonical(path));

    /// <summary>
    /// A relative path as the log writes it, a URI path: letters, digits, <c>-._~=</c> and the <c>/</c> between folders
    /// as they are, every other character's UTF-8 bytes as <c>%XX</c> (so a Hive-escaped <c>%3A</c> becomes <c>%253A</c>).
    /// </summary>
    public static string Encode(string relativePath)
    {
        var encoded = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(relativePath))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~=/".Contains(c))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
