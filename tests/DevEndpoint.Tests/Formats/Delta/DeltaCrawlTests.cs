using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>A crawl that meets a Delta table root catalogues one table for it, from its log.</summary>
public sealed class DeltaCrawlTests
{
    [Fact]
    public async Task A_delta_table_is_one_table_classified_delta_with_its_schema_partitions_and_version_from_the_log()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("dv-partitioned-with-checkpoint").Root, "lake");

        var crawled = Assert.Single(lake.Result.Tables);
        var table = lake.Table(crawled.Name);
        Assert.Equal("delta", crawled.Classification);
        Assert.Equal("delta", table.Parameter("classification"));
        Assert.Equal("DELTA", table.Parameter("table_type"));
        Assert.Equal("delta", table.Parameter("spark.sql.sources.provider"));
        Assert.Equal("15", table.Parameter("delta.lastCommitVersion"));
        Assert.Equal("35", table.Parameter("recordCount"));
        Assert.Equal(["col1:int", "col2:string"], table.StorageDescriptor.Columns.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal(["part:int"], table.PartitionKeys.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Empty(lake.Catalog.GetPartitions(new TableName("lake", crawled.Name)));
        Assert.DoesNotContain(lake.Result.SkippedFiles, s => s.Reason != Crawler.HiddenFileReason);
    }

    [Fact]
    public async Task A_folder_of_delta_tables_makes_one_table_a_root_and_none_of_their_data_files_or_logs()
    {
        using var lake = await CrawledFolder.CreateAsync(Path.Combine(DeltaGolden.Folder, "hive"), "hive");

        Assert.Equal(11, lake.Result.Tables.Count);
        Assert.All(lake.Result.Tables, t => Assert.Equal("delta", t.Classification));
        Assert.Contains(lake.Result.Tables, t => t.Name == "deltatbl_partitioned");
    }

    [Fact]
    public async Task A_table_whose_log_is_refused_is_reported_with_the_reason_and_the_crawl_goes_on()
    {
        var root = DeltaGolden.Get("deltalog-invalid-protocol-version").Root;
        using var lake = await CrawledFolder.CreateAsync(root, "lake");

        Assert.Empty(lake.Result.Tables);
        var skipped = Assert.Single(lake.Result.SkippedFiles, s => s.Reason != Crawler.HiddenFileReason);
        Assert.Equal("/", skipped.Path);
        Assert.Equal(
            $"Delta table {root}: its protocol needs Delta reader version 99; DevEndpoint reads versions 1 to 3. Read it with a newer Delta reader (Spark, delta-rs) or rewrite it with a lower protocol.",
            skipped.Reason);
    }

    [Fact]
    public async Task A_recrawl_after_a_new_commit_updates_the_table_to_the_new_version()
    {
        using var copy = new GoldenCopy("time-travel-start-start20", "events");
        var catalog = DataCatalog.Open(copy.Catalog);
        var crawler = new Crawler(catalog);
        var options = new CrawlOptions { Path = copy.Lake, Database = "lake" };
        await crawler.CrawlAsync(options);
        var first = catalog.GetTable(new TableName("lake", "events"));
        var removed = File.ReadLines(copy.Log(1)).First(l => l.StartsWith("{\"add\"", StringComparison.Ordinal))
            .Replace("{\"add\":{", "{\"remove\":{\"deletionTimestamp\":1700000000000,", StringComparison.Ordinal);
        await File.WriteAllTextAsync(copy.Log(2), removed + "\n");

        var again = await crawler.CrawlAsync(options);

        var table = catalog.GetTable(new TableName("lake", "events"));
        Assert.Equal(TableChange.Updated, Assert.Single(again.Tables).Change);
        Assert.Equal("1", first.Parameter("delta.lastCommitVersion"));
        Assert.Equal("2", table.Parameter("delta.lastCommitVersion"));
        Assert.Equal(first.VersionId + 1, table.VersionId);
        Assert.Equal(15, (await new DevEndpoint.Loading.TableLoader(catalog).LoadAsync("lake.events")).Frame.Rows.Count);
    }
}
