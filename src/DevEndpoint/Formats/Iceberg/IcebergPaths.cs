namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// Maps the paths written in a table's metadata to files under the folder the table is read from. A table is often
/// read somewhere other than where it was written (<c>hdfs://host/warehouse/t</c>, <c>/test-warehouse/t</c>, or a
/// path relative to the writer's folder), so the metadata's <c>location</c> is mapped to the local root; a path outside
/// the location (data in a sibling folder, set by <c>write.data.path</c>) is mapped through the nearest ancestor the
/// two share by name. A path outside them is kept as written: a local path, or an <c>s3://</c> address of the
/// object store the table is read from.
/// </summary>
internal sealed class IcebergPaths
{
    private readonly List<(string Written, string Local)> prefixes = [];
    private readonly TableStorage storage;
    private readonly string root;

    public IcebergPaths(string location, string root, TableStorage storage)
    {
        this.storage = storage;
        this.root = storage.Root(root);
        var written = Normalize(location).TrimEnd('/');
        var local = this.root;
        prefixes.Add((written, local));
        while (written.LastIndexOf('/') is var slash and > 0 && storage.Parent(local) is { } parent
            && written[(slash + 1)..] == TableStorage.Name(local))
        {
            written = written[..slash];
            local = parent;
            prefixes.Add((written, local));
        }
    }

    /// <summary>The path, under the folder the table is read from, of a file the metadata names.</summary>
    public string Local(string path)
    {
        var written = Normalize(path);
        foreach (var (prefix, local) in prefixes)
        {
            if (written.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                return TableStorage.Combine(local, written[(prefix.Length + 1)..]);
            }
        }

        return storage.IsOwnAddress(path) ? storage.Resolve(root, path) : written;
    }

    /// <summary>
    /// A path without its scheme and authority (<c>hdfs://host:port</c>, <c>file:</c>; writers name the same file with
    /// and without them) or a leading <c>./</c>, with forward slashes.
    /// </summary>
    private static string Normalize(string path)
    {
        var normal = path.Replace('\\', '/');
        var scheme = normal.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && normal[..scheme].All(char.IsAsciiLetterOrDigit))
        {
            var slash = normal.IndexOf('/', scheme + 3);
            normal = slash < 0 ? "/" : normal[slash..];
        }
        else if (normal.StartsWith("file:", StringComparison.Ordinal))
        {
            normal = normal["file:".Length..];
        }

        while (normal.StartsWith("./", StringComparison.Ordinal))
        {
            normal = normal[2..];
        }

        return normal;
    }
}
