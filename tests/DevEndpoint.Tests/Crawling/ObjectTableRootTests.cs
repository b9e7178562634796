using Amazon.Runtime;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Tests.Crawling;

/// <summary>How the listed objects of an s3:// include path split into table-format tables and the files of the crawl.</summary>
public sealed class ObjectTableRootTests
{
    [Fact]
    public void Objects_outside_a_thousand_table_roots_are_files_of_the_crawl_and_those_inside_them_are_not()
    {
        // Nothing is fetched: Delta roots are told by their entries' names and sizes come from the listing (checked below).
        using var store = new ObjectStore(new ObjectStoreSettings { Endpoint = "http://127.0.0.1:9" }, new BasicAWSCredentials("key", "secret"));
        var keys = new List<string>();
        var tables = new List<string>();
        var outside = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            // db1/t1 beside db1/t11 and db1/t101 (roots whose names start alike), db1/t1-copy/ (listed before db1/t1/) and db1/t1.csv.
            var table = $"db{i % 10}/t{i}";
            tables.Add(table);
            keys.AddRange([$"{table}/_delta_log/00000000000000000000.json", $"{table}/part-0.parquet", $"{table}/old/_delta_log/00000000000000000000.json"]);
            outside.AddRange([$"{table}-copy/part-0.csv", $"{table}.csv"]);
        }

        outside.Add("readme.txt");
        var objects = keys.Concat(outside).Order(StringComparer.Ordinal)
            .Select(k => new StoredObject(new S3Path("lake", $"raw/{k}"), 10, DateTimeOffset.UnixEpoch)).ToList();
        var skipped = new List<SkippedFile>();
        var roots = new List<Crawler.TableRoot>();

        var listing = Crawler.ListOutsideTableRoots(objects, "raw/", "s3://lake/raw", [], skipped, roots, new ObjectTableStorage(store), new ObjectStoreFiles(store));

        Assert.Equal(tables.Order(StringComparer.Ordinal), roots.Select(r => r.RelativePath));
        Assert.All(roots, r => Assert.Equal($"s3://lake/raw/{r.RelativePath}", r.FullPath));
        Assert.All(roots, r => Assert.Equal("delta", r.Format.Classification));
        Assert.Equal(outside.Order(StringComparer.Ordinal), listing.Files.Select(f => f.RelativePath));
        Assert.Empty(skipped);
        Assert.Equal((0, 0L), (store.ListPages, store.BytesFetched));
    }

    [Fact]
    public void An_include_path_that_is_a_table_root_leaves_no_files()
    {
        using var store = new ObjectStore(new ObjectStoreSettings { Endpoint = "http://127.0.0.1:9" }, new BasicAWSCredentials("key", "secret"));
        var objects = new[] { "_delta_log/00000000000000000000.json", "part-0.parquet", "year=2024/part-1.parquet" }
            .Select(k => new StoredObject(new S3Path("lake", $"events/{k}"), 10, DateTimeOffset.UnixEpoch)).ToList();
        var roots = new List<Crawler.TableRoot>();

        var listing = Crawler.ListOutsideTableRoots(objects, "events/", "s3://lake/events", [], [], roots, new ObjectTableStorage(store), new ObjectStoreFiles(store));

        Assert.Equal([string.Empty], roots.Select(r => r.RelativePath));
        Assert.Empty(listing.Files);
    }

    [Fact]
    public void A_key_with_two_slashes_in_a_row_is_skipped_saying_why()
    {
        using var store = new ObjectStore(new ObjectStoreSettings { Endpoint = "http://127.0.0.1:9" }, new BasicAWSCredentials("key", "secret"));
        var objects = new[] { "a.csv", "b//c.csv" }.Select(k => new StoredObject(new S3Path("lake", $"raw/{k}"), 10, DateTimeOffset.UnixEpoch)).ToList();
        var skipped = new List<SkippedFile>();

        var listing = Crawler.ListOutsideTableRoots(objects, "raw/", "s3://lake/raw", [], skipped, [], new ObjectTableStorage(store), new ObjectStoreFiles(store));

        Assert.Equal(["a.csv"], listing.Files.Select(f => f.RelativePath));
        Assert.Equal(
            [("b//c.csv", "its key has an empty folder name (two slashes in a row): it cannot be told apart from its neighbours as a folder path")],
            skipped.Select(s => (s.Path, s.Reason)));
    }
}
