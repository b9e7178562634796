using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using DevEndpoint.Catalog;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Testing;

/// <summary>
/// The S3-protocol server the object store tests run against: <c>$DEVENDPOINT_TEST_S3_ENDPOINT</c> (<c>./build.sh test</c>
/// sets it to the s3rver that <c>scripts/s3-server.sh</c> starts; without it the tests skip); keys from <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>, else
/// s3rver's own (<c>S3RVER</c>). Each test works in a bucket of its own (<see cref="S3TestBucket"/>) and deletes it.
/// </summary>
internal static class S3TestServer
{
    public const string EndpointVariable = "DEVENDPOINT_TEST_S3_ENDPOINT";

    /// <summary>The variable test connections take the secret key from.</summary>
    public const string SecretVariable = "DEVENDPOINT_TEST_S3_SECRET";

    private static readonly Lazy<string?> MissingReason = new(Probe);

    public static string Endpoint => Environment.GetEnvironmentVariable(EndpointVariable) ?? string.Empty;

    public static string AccessKey => Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } key ? key : "S3RVER";

    public static string SecretKey => Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } key ? key : "S3RVER";

    /// <summary>Why the object store tests cannot run, or <c>null</c> when the server answers.</summary>
    public static string? Missing => MissingReason.Value;

    public static ObjectStoreSettings Settings => new() { Endpoint = Endpoint };

    public static ObjectStore Open(ObjectStoreSettings? settings = null) =>
        new(settings ?? Settings, new BasicAWSCredentials(AccessKey, SecretKey));

    /// <summary>Deletes every object left in <paramref name="bucket"/>, then the bucket.</summary>
    public static async Task DeleteBucketAsync(ObjectStore store, string bucket)
    {
        var left = new List<S3Path>();
        await foreach (var stored in store.ListAsync(new S3Path(bucket, string.Empty)))
        {
            left.Add(stored.Path);
        }

        await store.DeleteAsync(left);
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await client.DeleteBucketAsync(bucket);
    }

    /// <summary>Adds an s3 connection to the test server to a catalog, with the secret key from <see cref="SecretVariable"/> (set here).</summary>
    public static void AddConnection(DataCatalog catalog, string name)
    {
        Environment.SetEnvironmentVariable(SecretVariable, SecretKey);
        catalog.Update(update => update.PutConnection(
            new Connection { Name = name, Type = ConnectionTypes.S3, Url = Endpoint, User = AccessKey, PasswordEnv = SecretVariable }.Validated()));
    }

    /// <summary>Uploads local text as an object.</summary>
    public static async Task PutTextAsync(ObjectStore store, S3Path path, string text)
    {
        using var folder = new TempFolder();
        await store.UploadAsync(folder.Write("object", text), path);
    }

    private static string? Probe()
    {
        if (string.IsNullOrEmpty(Endpoint))
        {
            return $"No S3-protocol server: {EndpointVariable} is not set. Run ./build.sh test, or start one with scripts/s3-server.sh and set {EndpointVariable} to its URL.";
        }

        var uri = new Uri(Endpoint);
        try
        {
            using var client = new TcpClient();
            if (!client.ConnectAsync(uri.Host, uri.Port).Wait(TimeSpan.FromSeconds(2)))
            {
                return Reason($"{uri.Host}:{uri.Port} did not answer within 2 s");
            }

            return null;
        }
        catch (AggregateException e) when (e.InnerException is SocketException socket)
        {
            return Reason($"{uri.Host}:{uri.Port}: {socket.SocketErrorCode}");
        }
    }

    private static string Reason(string what) =>
        $"No S3-protocol server at {Endpoint} ({what}). Start one with scripts/s3-server.sh (./build.sh test does), or set {EndpointVariable}.";
}

/// <summary>A fact that needs the S3-protocol server; skipped, with the reason, when none answers.</summary>
internal sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3TestServer.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
