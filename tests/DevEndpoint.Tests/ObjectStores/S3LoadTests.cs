using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Tests.ObjectStores;

public sealed class S3LoadTests
{
    [S3Fact]
    public async Task Loading_s3_tables_gives_the_rows_a_load_of_the_same_files_on_disk_gives()
    {
        await using var lake = await S3Lake.CreateAsync();
        var local = await lake.UploadSampleLakeAsync();
        var crawler = new Crawler(lake.Catalog);
        await crawler.CrawlAsync(new CrawlOptions { Path = local, Database = "disk" });
        await crawler.CrawlAsync(new CrawlOptions { Path = lake.Path("sales"), Database = "store", Connection = S3Lake.Connection });
        var loader = new TableLoader(lake.Catalog);

        foreach (var table in new[] { "orders", "customers", "products" })
        {
            var disk = await loader.LoadAsync($"disk.{table}");
            var store = await loader.LoadAsync($"store.{table}");

            Assert.True(store.Frame.Rows.Count > 0);
            Assert.Equal(disk.FilesRead, store.FilesRead);
            Assert.Equal(disk.Frame.Columns.Select(c => c.Name), store.Frame.Columns.Select(c => c.Name));
            for (var i = 0; i < disk.Frame.Columns.Count; i++)
            {
                Assert.Equal(disk.Frame.Columns[i].Cast<object?>(), store.Frame.Columns[i].Cast<object?>());
            }
        }
    }

    [S3Fact]
    public async Task A_predicate_prunes_s3_partitions_before_any_object_is_read()
    {
        await using var lake = await S3Lake.CreateAsync();
        await lake.UploadSampleLakeAsync();
        await new Crawler(lake.Catalog).CrawlAsync(new CrawlOptions { Path = lake.Path("sales"), Database = "store", Connection = S3Lake.Connection });

        var result = await new TableLoader(lake.Catalog).LoadAsync("store.orders", new LoadOptions { Where = "year = '2024' AND month = '02'" });

        Assert.Equal(1, result.PartitionsRead);
        Assert.Equal(1, result.FilesRead);
        Assert.Equal(40, result.Frame.Rows.Count);
    }

    [S3Fact]
    public async Task Bad_rows_and_failures_name_the_object_not_a_downloaded_copy()
    {
        await using var lake = await S3Lake.CreateAsync();
        var path = S3Path.Parse(lake.Path("scores/part-0.csv"));
        await S3TestServer.PutTextAsync(lake.Store, path, "id,score\n1,10\n2,20\n");
        await new Crawler(lake.Catalog).CrawlAsync(new CrawlOptions { Path = lake.Path("scores"), Database = "store", Connection = S3Lake.Connection });
        await S3TestServer.PutTextAsync(lake.Store, path, "id,score\n1,10\n2,lots\n3,30\n");
        var loader = new TableLoader(lake.Catalog);

        var permissive = await loader.LoadAsync("store.scores");
        var failFast = await Assert.ThrowsAsync<DevEndpointException>(() => loader.LoadAsync("store.scores", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(2, permissive.Frame.Rows.Count);
        Assert.Equal(path.ToString(), permissive.Errors.Columns["file"][0]);
        Assert.Equal(
            $"{path}: line 3, column 'score': cannot read 'lots' as int. Fix the value, or re-crawl the table if its data changed.",
            failFast.Message);
    }

    [Fact]
    public async Task Loading_an_s3_table_that_names_no_connection_says_how_to_give_one()
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        catalog.Update(update =>
        {
            update.EnsureDatabase(new Database { Name = "store" });
            update.PutTable(new CatalogTable
            {
                Name = "orders",
                DatabaseName = "store",
                Parameters = new Dictionary<string, string> { ["classification"] = "csv" },
                StorageDescriptor = new StorageDescriptor { Columns = [new Column("id", "int")], Location = "s3://lake/orders/" },
            });
        });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("store.orders"));

        Assert.Equal(
            "Table store.orders is stored in an object store (s3://lake/orders/) but names no connection to reach it (table parameter connectionName). Crawl it again with --connection <name>.",
            error.Message);
    }

    [S3Fact]
    public async Task Loading_an_s3_table_whose_objects_are_gone_says_so()
    {
        await using var lake = await S3Lake.CreateAsync();
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("gone/a.csv")), "id\n1\n");
        await new Crawler(lake.Catalog).CrawlAsync(new CrawlOptions { Path = lake.Path("gone"), Database = "store", Connection = S3Lake.Connection });
        await lake.Store.DeleteAsync([S3Path.Parse(lake.Path("gone/a.csv"))]);

        var result = await new TableLoader(lake.Catalog).LoadAsync("store.gone");

        Assert.Equal(0, result.FilesRead);
        Assert.Equal(0, result.Frame.Rows.Count);
    }
}
