using DevEndpoint.ObjectStores;

namespace DevEndpoint.Testing;

/// <summary>
/// A bucket of a fresh name on the test S3 server (<see cref="S3TestServer"/>), deleted with every object in it when
/// disposed: <c>await using var bucket = await S3TestBucket.CreateAsync(store);</c>, so that no test leaves one behind.
/// </summary>
internal sealed class S3TestBucket : IAsyncDisposable
{
    private readonly bool ownsStore;

    private S3TestBucket(ObjectStore store, string name, bool ownsStore)
    {
        Store = store;
        Name = name;
        this.ownsStore = ownsStore;
    }

    /// <summary>The store the bucket was created through.</summary>
    public ObjectStore Store { get; }

    public string Name { get; }

    /// <summary>Creates a bucket through <paramref name="store"/>, which the caller keeps and disposes after the bucket.</summary>
    public static async Task<S3TestBucket> CreateAsync(ObjectStore store) => new(store, await NewAsync(store), ownsStore: false);

    /// <summary>Creates a bucket through a store of the test server's settings, disposed with the bucket.</summary>
    public static async Task<S3TestBucket> CreateAsync()
    {
        var store = S3TestServer.Open();
        try
        {
            return new S3TestBucket(store, await NewAsync(store), ownsStore: true);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await S3TestServer.DeleteBucketAsync(Store, Name);
        if (ownsStore)
        {
            Store.Dispose();
        }
    }

    private static async Task<string> NewAsync(ObjectStore store)
    {
        var name = $"t{Guid.NewGuid():N}"[..20];
        await store.CreateBucketAsync(name);
        return name;
    }
}
