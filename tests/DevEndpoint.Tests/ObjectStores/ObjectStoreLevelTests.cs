using Amazon.Runtime;
using Amazon.S3;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Tests.ObjectStores;

/// <summary>One level of a prefix (what a distributed crawl's coordinator lists of an s3:// lake's top levels).</summary>
public sealed class ObjectStoreLevelTests
{
    [S3Fact]
    public async Task A_level_names_the_objects_directly_in_it_and_its_subfolders_across_pages()
    {
        using var store = S3TestServer.Open(S3TestServer.Settings with { PageSize = 2 });
        var bucket = $"bigcrawl-{Guid.NewGuid():N}"[..24];
        await store.CreateBucketAsync(bucket);
        var keys = new[] { "lake/a.csv", "lake/b/1.csv", "lake/b/2.csv", "lake/b/3.csv", "lake/c/d/1.csv", "lake/c/e/1.csv", "lake/f.csv", "other/x.csv" };
        try
        {
            foreach (var key in keys)
            {
                await S3TestServer.PutTextAsync(store, new S3Path(bucket, key), "x");
            }

            var (objects, folders) = await store.ListLevelAsync(new S3Path(bucket, "lake/"));
            var (top, topFolders) = await store.ListLevelAsync(new S3Path(bucket, string.Empty));

            Assert.Equal(["lake/a.csv", "lake/f.csv"], objects.Select(o => o.Path.Key));
            Assert.Equal(["lake/b/", "lake/c/"], folders);
            Assert.Empty(top);
            Assert.Equal(["lake/", "other/"], topFolders);
        }
        finally
        {
            await S3TestServer.DeleteBucketAsync(store, bucket);
        }
    }
}
