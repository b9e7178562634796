namespace DevEndpoint.ObjectStores;

/// <summary>An object or a prefix in a bucket, as <c>s3://bucket/key</c> names it.</summary>
public readonly record struct S3Path(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    /// <summary>Whether a path names an object store location (<c>s3://...</c>) rather than a local file or folder.</summary>
    public static bool IsS3(string? path) => path is not null && path.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <c>s3://bucket/key</c>; the key may be empty (the whole bucket) and keeps its case and slashes.</summary>
    public static S3Path Parse(string path)
    {
        if (!IsS3(path))
        {
            throw new DevEndpointException($"'{path}' is not an object store path. Write it as s3://bucket/prefix.");
        }

        var rest = path[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw new DevEndpointException($"'{path}' names no bucket. Write it as s3://bucket/prefix.");
        }

        return new S3Path(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
    }

    /// <summary>This path as a prefix of the objects "inside" it: the key with one trailing slash (empty for the bucket).</summary>
    public string FolderPrefix => Key.Length == 0 ? string.Empty : Key.TrimEnd('/') + "/";

    /// <summary>The object or prefix <paramref name="relative"/> (slash-separated) below this one.</summary>
    public S3Path Combine(string relative) => new(Bucket, FolderPrefix + relative);

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
