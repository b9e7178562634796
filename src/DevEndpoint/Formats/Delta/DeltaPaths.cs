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

    /// <summary>The file on disk a log path names: an absolute path as is, a relative one under the table root.</summary>
    public static string Full(string root, string path)
    {
        var canonical = Canonical(path);
        return canonical.StartsWith('/') ? canonical : Path.GetFullPath(Path.Combine(root, canonical));
    }
}
