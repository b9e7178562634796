using System.Text;
using Amazon.Runtime;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Tests.ObjectStores;

public sealed class ObjectStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [S3Fact]
    public async Task Listing_pages_through_more_objects_than_one_page_holds()
    {
        using var store = S3TestServer.Open(S3TestServer.Settings with { PageSize = 2 });
        await using var bucket = await S3TestBucket.CreateAsync(store);
        foreach (var name in new[] { "a.csv", "b.csv", "c.csv", "d.csv", "sub/e.csv" })
        {
            await S3TestServer.PutTextAsync(store, new S3Path(bucket.Name, $"data/{name}"), name);
        }

        await S3TestServer.PutTextAsync(store, new S3Path(bucket.Name, "other/f.csv"), "f");

        var all = await store.ListAsync(new S3Path(bucket.Name, "data/")).ToListAsync();
        var pages = store.ListPages;
        var direct = await store.ListAsync(new S3Path(bucket.Name, "data"), folder: true).ToListAsync();

        Assert.Equal(["data/a.csv", "data/b.csv", "data/c.csv", "data/d.csv", "data/sub/e.csv"], all.Select(o => o.Path.Key));
        Assert.Equal(3, pages);
        Assert.Equal(5, all[0].Size);
        Assert.Equal(["data/a.csv", "data/b.csv", "data/c.csv", "data/d.csv"], direct.Select(o => o.Path.Key));
    }

    [S3Fact]
    public async Task A_ranged_read_fetches_only_the_bytes_asked_for()
    {
        using var store = S3TestServer.Open();
        await using var bucket = await S3TestBucket.CreateAsync(store);
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i => (char)('a' + (i % 26))));
        var path = new S3Path(bucket.Name, "letters.txt");
        await S3TestServer.PutTextAsync(store, path, text);
        var before = store.BytesFetched;

        var middle = await store.ReadRangeAsync(path, 100, 10);
        var end = await store.ReadRangeAsync(path, 9_995, 100);

        Assert.Equal(text.Substring(100, 10), Encoding.ASCII.GetString(middle));
        Assert.Equal(text[9_995..], Encoding.ASCII.GetString(end));
        Assert.Equal(15, store.BytesFetched - before);
    }

    [S3Fact]
    public async Task A_streaming_read_and_a_download_give_the_whole_object()
    {
        using var store = S3TestServer.Open();
        await using var bucket = await S3TestBucket.CreateAsync(store);
        var text = string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"line {i}"));
        var path = new S3Path(bucket.Name, "lines.txt");
        await S3TestServer.PutTextAsync(store, path, text);

        string streamed;
        await using (var stream = await store.OpenReadAsync(path))
        using (var reader = new StreamReader(stream))
        {
            streamed = await reader.ReadToEndAsync();
        }

        var local = folder.Combine("lines.txt");
        await store.DownloadAsync(path, local);

        Assert.Equal(text, streamed);
        Assert.Equal(text, await File.ReadAllTextAsync(local));
    }

    [S3Fact]
    public async Task A_file_above_the_threshold_is_uploaded_in_parts_and_reads_back_whole()
    {
        using var store = S3TestServer.Open(S3TestServer.Settings with { MultipartThreshold = 1 << 20, PartSize = ObjectStoreSettings.MinPartSize });
        await using var bucket = await S3TestBucket.CreateAsync(store);
        var bytes = new byte[(int)ObjectStoreSettings.MinPartSize * 2 + 12_345];
        new Random(7).NextBytes(bytes);
        var local = folder.Combine("big.bin");
        await File.WriteAllBytesAsync(local, bytes);
        var path = new S3Path(bucket.Name, "big/big.bin");

        var parts = await store.UploadAsync(local, path);
        var info = await store.GetInfoAsync(path);
        await store.DownloadAsync(path, folder.Combine("back.bin"));

        Assert.Equal(3, parts);
        Assert.Equal(bytes.Length, info.Size);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(folder.Combine("back.bin")));
    }

    [S3Fact]
    public async Task A_missing_bucket_is_named_with_what_to_do()
    {
        using var store = S3TestServer.Open();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => store.ListAsync(new S3Path("no-such-bucket-here", "data/")).ToListAsync().AsTask());

        Assert.Equal(
            $"The bucket 'no-such-bucket-here' does not exist at {S3TestServer.Endpoint}. Check the bucket in s3://no-such-bucket-here/data/, or create it.",
            error.Message);
    }

    [S3Fact]
    public async Task A_missing_key_is_named_with_what_to_do()
    {
        using var store = S3TestServer.Open();
        await using var bucket = await S3TestBucket.CreateAsync(store);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => store.ReadRangeAsync(new S3Path(bucket.Name, "gone.csv"), 0, 10));

        Assert.Equal(
            $"s3://{bucket.Name}/gone.csv does not exist at {S3TestServer.Endpoint}. Check the key (keys are case-sensitive); if the object was removed, crawl again.",
            error.Message);
    }

    [S3Fact]
    public async Task Bad_credentials_are_refused_without_the_secret_in_the_message()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
        using var good = S3TestServer.Open();
        await using var bucket = await S3TestBucket.CreateAsync(good);
        using var store = new ObjectStore(S3TestServer.Settings, new BasicAWSCredentials("AKIAUNKNOWNKEY", secret));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => store.ListAsync(new S3Path(bucket.Name, "data/")).ToListAsync().AsTask());

        Assert.Equal(
            $"{S3TestServer.Endpoint} refused the credentials to list s3://{bucket.Name}/data/ (InvalidAccessKeyId): the access key id is unknown there or the secret key does not match it. Check the credentials the connection takes (its environment variable, credentials file or AWS profile).",
            error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_says_so()
    {
        using var store = new ObjectStore(new ObjectStoreSettings { Endpoint = "http://127.0.0.1:9" }, new BasicAWSCredentials("S3RVER", "S3RVER"));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => store.ReadRangeAsync(new S3Path("bucket", "a.csv"), 0, 10));

        Assert.Equal(
            "Cannot reach the object store at http://127.0.0.1:9 to read s3://bucket/a.csv (connection refused). Check that the server runs and the connection's URL is right.",
            error.Message);
    }

    [Theory]
    [InlineData("s3://sales/raw/orders", "sales", "raw/orders")]
    [InlineData("s3://sales", "sales", "")]
    [InlineData("S3://sales/", "sales", "")]
    public void S3_paths_name_a_bucket_and_a_key(string text, string bucket, string key) =>
        Assert.Equal(new S3Path(bucket, key), S3Path.Parse(text));

    [Fact]
    public void An_S3_path_without_a_bucket_is_refused() =>
        Assert.Equal(
            "'s3:///raw' names no bucket. Write it as s3://bucket/prefix.",
            Assert.Throws<DevEndpointException>(() => S3Path.Parse("s3:///raw")).Message);
}
