using DevEndpoint.Crawling;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Tests.ObjectStores;

/// <summary>The coordinator's walk of the top levels of an s3:// include path, for a crawl whose listing is split across workers.</summary>
public sealed class S3TopLevelWalkTests
{
    [S3Fact]
    public async Task The_walk_of_the_top_levels_lists_each_folder_once_however_deep_it_goes()
    {
        using var store = S3TestServer.Open();
        await using var bucket = await S3TestBucket.CreateAsync(store);
        var keys = new List<string> { "lake/top.csv", "lake/ice/metadata/v1.metadata.json", "lake/ice/data/0.parquet" };
        var leaves = new List<string>();
        foreach (var (a, p, n) in from a in new[] { "a", "b", "c" } from p in new[] { "p", "q" } from n in new[] { "1", "2" } select (a, p, n))
        {
            leaves.Add($"{a}/{p}/{n}");
            keys.Add($"lake/{a}/{p}/{n}/f.csv");
        }

        foreach (var key in keys)
        {
            await S3TestServer.PutTextAsync(store, new S3Path(bucket.Name, key), "k,v\n1,2\n");
        }

        var before = store.ListPages;
        var top = await Crawler.WalkTopObjectsAsync(
            new ObjectStoreFiles(store), new ObjectTableStorage(store), $"s3://{bucket.Name}/lake", [], shares: 100, CancellationToken.None);

        // lake/, its 4 folders, their 6 and the 12 below those (whose level has no folders to share: the walk stops above
        // it), and ice/metadata/ once to tell the Iceberg table: a walk that listed the upper levels again at each deeper
        // try would make 43 requests.
        Assert.Equal(1 + 4 + 6 + 12 + 1, store.ListPages - before);
        Assert.Equal(leaves, top.Frontier.Select(f => f.RelativePath));
        Assert.Equal(["top.csv"], top.Files.Select(f => f.RelativePath));
        Assert.Equal(["ice"], top.TableRoots.Select(r => r.RelativePath));
        Assert.Equal("iceberg", top.TableRoots.Single().Format.Classification);
    }
}
