namespace DevEndpoint.ObjectStores;

/// <summary>
/// Where an object store is and how it is used; no secrets (credentials are handed to <see cref="ObjectStore"/> apart).
/// </summary>
public sealed record ObjectStoreSettings
{
    /// <summary>The smallest part S3 accepts in a multipart upload (but for the last part).</summary>
    public const long MinPartSize = 5L << 20;

    /// <summary>
    /// The endpoint URL of an S3-compatible server (<c>http://127.0.0.1:54569</c>), addressed path-style
    /// (<c>http://host/bucket/key</c>). Default <c>null</c>: AWS S3 in <see cref="Region"/>, virtual-hosted style.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>The region requests are signed for. Default <c>null</c>: <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary>How many keys one list request asks for (S3's <c>MaxKeys</c>, at most 1000). Default 1000.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Files bigger than this are uploaded in parts (multipart upload). Default 64 MiB.</summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>The size of each part of a multipart upload but the last; at least 5 MiB. Default 16 MiB.</summary>
    public long PartSize { get; init; } = 16L << 20;

    /// <summary>The region used when none is given.</summary>
    public string RegionOrDefault => Region ?? "us-east-1";

    /// <summary>Where requests go, in words, for messages: the endpoint URL, or AWS S3 and the region.</summary>
    public string Describe() => Endpoint ?? $"AWS S3 ({RegionOrDefault})";
}
