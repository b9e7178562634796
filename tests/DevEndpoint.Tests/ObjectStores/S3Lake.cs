using DevEndpoint.Catalog;
using DevEndpoint.ObjectStores;
using DevEndpoint.Samples;

namespace DevEndpoint.Tests.ObjectStores;

/// <summary>
/// A bucket of its own on the test S3 server, a catalog with the connection <c>lake</c> to the server, and a local
/// folder: for crawling, loading and writing <c>s3://</c> paths and comparing them with the same files on disk. The bucket
/// and everything in it are deleted afterwards.
/// </summary>
internal class S3Lake : IAsyncDisposable
{
    public const string Connection = "lake";

    private readonly S3TestBucket bucket;

    protected S3Lake(S3TestBucket bucket)
    {
        this.bucket = bucket;
        Catalog = DataCatalog.Open(Local.Combine("catalog.db"));
        S3TestServer.AddConnection(Catalog, Connection);
    }

    public TempFolder Local { get; } = new();

    public ObjectStore Store => bucket.Store;

    public string Bucket => bucket.Name;

    public DataCatalog Catalog { get; }

    public static async Task<S3Lake> CreateAsync() => new(await S3TestBucket.CreateAsync());

    /// <summary>The <c>s3://</c> path of a key in this lake's bucket.</summary>
    public string Path(string key) => $"s3://{Bucket}/{key}";

    /// <summary>Writes the sample sales lake to <c>sales/</c> on disk and uploads it under <c>sales/</c>; returns the local folder.</summary>
    public async Task<string> UploadSampleLakeAsync()
    {
        var folder = Local.Combine("sales");
        await SampleLake.WriteAsync(folder);
        await Store.UploadFolderAsync(folder, S3Path.Parse(Path("sales")));
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        await bucket.DisposeAsync();
        Local.Dispose();
        GC.SuppressFinalize(this);
    }
}
