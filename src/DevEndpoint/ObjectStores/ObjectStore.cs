using Amazon.Runtime;
using Amazon.S3;

namespace DevEndpoint.ObjectStores;

/// <summary>
/// An S3-compatible object store, through AWSSDK.S3: listing with pagination, ranged and streaming reads, uploads (in
/// parts above <see cref="ObjectStoreSettings.MultipartThreshold"/>) and deletes. Credentials are handed in and never
/// shown: errors name the endpoint, bucket and key, and what to do, never a key. Counts the bytes it fetches.
/// </summary>
public sealed partial class ObjectStore : IDisposable
{
    private readonly AmazonS3Client client;
    private long bytesFetched;
    private int listPages;

    /// <param name="settings">Where the store is and how it is used.</param>
    /// <param name="credentials">The keys requests are signed with (e.g. <see cref="BasicAWSCredentials"/>).</param>
    public ObjectStore(ObjectStoreSettings settings, AWSCredentials credentials)
    {
        if (settings.PartSize < ObjectStoreSettings.MinPartSize)
        {
            throw new DevEndpointException(
                $"The multipart part size must be at least {ObjectStoreSettings.MinPartSize >> 20} MiB (S3 refuses smaller parts); got {settings.PartSize} bytes.");
        }

        if (settings.PageSize is < 1 or > 1000)
        {
            throw new DevEndpointException($"The list page size must be 1 to 1000 keys (S3's MaxKeys); got {settings.PageSize}.");
        }

        Settings = settings;
        var config = new AmazonS3Config
        {
            // Newer SDKs add CRC checksums (and aws-chunked bodies) to every upload; S3-compatible servers such as
            // s3rver do not all understand them, and S3 needs them only where an operation requires one.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
            // An endpoint that never answers (a wrong host) fails after this, not after the HttpClient's default of forever.
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (settings.Endpoint is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new DevEndpointException($"'{endpoint}' is not an endpoint URL. Write it as http://host:port or https://host.");
            }

            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.RegionOrDefault;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.RegionOrDefault);
        }

        client = new AmazonS3Client(credentials, config);
    }

    public ObjectStoreSettings Settings { get; }

    /// <summary>The bytes of object content received so far, by every read of this store.</summary>
    public long BytesFetched => Interlocked.Read(ref bytesFetched);

    /// <summary>The list requests made so far (one per page of keys).</summary>
    public int ListPages => Volatile.Read(ref listPages);

    public void Dispose() => client.Dispose();

    private void Fetched(long bytes) => Interlocked.Add(ref bytesFetched, bytes);
}
