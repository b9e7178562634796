using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class RecrawlPolicyTests
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");
    private static readonly TableName Products = TableName.Parse("sales.products");

    [Fact]
    public async Task A_table_whose_files_vanished_is_deprecated_once_and_kept()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        Directory.Delete(Path.Combine(lake.LakePath, "products"), recursive: true);

        var again = await CrawlAsync(lake);
        var third = await CrawlAsync(lake);

        Assert.Equal("products deprecated", string.Join(", ", again.Tables.Where(t => t.Change != TableChange.Unchanged).Select(t => $"{t.Name} {t.Change.ToString().ToLowerInvariant()}")));
        Assert.Equal(1, again.Run.TablesDeprecated);
        var notice = Assert.Single(again.Notices);
        Assert.Equal(
            $"products: its files vanished; the table was marked DEPRECATED_BY_CRAWLER = {again.Run.RunId} (delete behavior deprecate)",
            $"{notice.Table}: {notice.Message}");
        var products = lake.Catalog.GetTable(Products);
        Assert.Equal((again.Run.RunId, 2L), (products.Parameter(Crawler.DeprecatedParameter), products.VersionId));
        Assert.Equal((0, 0), (third.Run.TablesDeprecated, third.Notices.Count));
        Assert.Equal(2, lake.Catalog.GetTable(Products).VersionId);
    }

    [Fact]
    public async Task A_deprecated_table_whose_files_return_is_no_longer_deprecated()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var products = Path.Combine(lake.LakePath, "products");
        Directory.Move(products, products + "-moved");
        await CrawlAsync(lake);
        Directory.Move(products + "-moved", products);

        var again = await CrawlAsync(lake);

        Assert.Equal(TableChange.Updated, Assert.Single(again.Tables, t => t.Name == "products").Change);
        Assert.Null(lake.Catalog.GetTable(Products).Parameter(Crawler.DeprecatedParameter));
    }

    [Fact]
    public async Task Delete_removes_a_vanished_table_keeping_its_last_definition_as_a_version()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var products = Path.Combine(lake.LakePath, "products");
        Directory.Move(products, products + "-moved");

        var deleted = await CrawlAsync(lake, DeleteBehavior.Delete);
        Directory.Move(products + "-moved", products);
        var recreated = await CrawlAsync(lake, DeleteBehavior.Delete);

        Assert.Equal(TableChange.Deleted, Assert.Single(deleted.Tables, t => t.Name == "products").Change);
        Assert.Equal(1, deleted.Run.TablesDeleted);
        Assert.Equal(
            "products: its files vanished; the table and its partitions were deleted (delete behavior delete)",
            string.Join("; ", deleted.Notices.Select(n => $"{n.Table}: {n.Message}")));
        Assert.Equal(TableChange.Created, Assert.Single(recreated.Tables, t => t.Name == "products").Change);
        Assert.Equal(new long[] { 2, 1 }, lake.Catalog.GetTableVersions(Products).Select(v => v.VersionId));
    }

    [Fact]
    public async Task Log_keeps_a_vanished_table_and_its_partitions_and_reports_them()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        Directory.Delete(Path.Combine(lake.LakePath, "products"), recursive: true);
        Directory.Delete(Path.Combine(lake.LakePath, "orders", "year=2023"), recursive: true);

        var again = await CrawlAsync(lake, DeleteBehavior.Log);

        Assert.Equal(
            new[]
            {
                "orders: the folder of partition 2023/11 vanished; the partition is kept (delete behavior log)",
                "orders: the folder of partition 2023/12 vanished; the partition is kept (delete behavior log)",
                "products: its files vanished; the table is kept as it was (delete behavior log)",
            },
            again.Notices.Select(n => $"{n.Table}: {n.Message}"));
        Assert.Equal(1, lake.Catalog.GetTable(Products).VersionId);
        Assert.Equal(5, lake.Catalog.GetPartitions(Orders).Count);
    }

    [Fact]
    public async Task A_partition_whose_folder_vanished_is_removed()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        Directory.Delete(Path.Combine(lake.LakePath, "orders", "year=2023", "month=11"), recursive: true);

        var again = await CrawlAsync(lake);

        Assert.Equal(
            "orders: the folder of partition 2023/11 vanished; the partition was removed",
            string.Join("; ", again.Notices.Select(n => $"{n.Table}: {n.Message}")));
        Assert.Equal(1, again.Run.PartitionsDeleted);
        Assert.Equal("2023/12", string.Join('/', lake.Catalog.GetPartitions(Orders)[0].Values));
    }

    [Fact]
    public async Task Schema_change_log_reports_a_new_column_and_keeps_the_table()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write(
            "lake/orders/year=2024/month=04/part-0000.csv",
            "order_id,customer_id,order_date,amount,status,note,coupon\n2000,7,2024-04-02,19.90,shipped,,SPRING\n");

        var again = await new Crawler(lake.Catalog).CrawlAsync(
            new CrawlOptions { Path = lake.LakePath, Database = "sales", SchemaChange = SchemaChangePolicy.Log });

        Assert.Equal(
            "orders: schema changed (columns added: coupon string); the table is kept as it was (schema change policy log)",
            string.Join("; ", again.Notices.Select(n => $"{n.Table}: {n.Message}")));
        Assert.Equal((1, 1), (again.Run.SchemaChangesLogged, again.Run.PartitionsAdded));
        var orders = lake.Catalog.GetTable(Orders);
        Assert.Equal((1L, 6), (orders.VersionId, orders.StorageDescriptor.Columns.Count));
        Assert.Equal(6, lake.Catalog.GetPartitions(Orders).Count);
    }

    [Fact]
    public async Task New_folders_only_reads_only_the_new_partition_and_adds_its_counts()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write("lake/orders/year=2024/month=04/part-0000.csv", "order_id,customer_id,order_date,amount,status,note\n2000,7,2024-04-02,19.90,shipped,\n");
        Directory.Delete(Path.Combine(lake.LakePath, "products"), recursive: true);

        var again = await new Crawler(lake.Catalog).CrawlAsync(new CrawlOptions { Path = lake.LakePath, Database = "sales", NewFoldersOnly = true });

        Assert.Equal(1, again.Run.FilesScanned);
        Assert.Equal("orders updated 1", $"{Assert.Single(again.Tables).Name} {again.Tables[0].Change.ToString().ToLowerInvariant()} {again.Tables[0].PartitionsAdded}");
        var orders = lake.Catalog.GetTable(Orders);
        Assert.Equal(("6", "201"), (orders.Parameter("objectCount"), orders.Parameter("recordCount")));
        Assert.Equal(6, lake.Catalog.GetPartitions(Orders).Count);
        Assert.Null(lake.Catalog.GetTable(Products).Parameter(Crawler.DeprecatedParameter));
        Assert.Empty(again.Notices);
    }

    [Fact]
    public async Task The_crawl_history_keeps_each_run_with_its_metrics_newest_first()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        Directory.Delete(Path.Combine(lake.LakePath, "products"), recursive: true);
        lake.Temp.Write("lake/orders/year=2024/month=01/part-0001.csv", string.Empty);

        var again = await CrawlAsync(lake);

        var runs = lake.Catalog.GetCrawlRuns("sales");
        Assert.Equal(new[] { again.Run.RunId, lake.Result.Run.RunId }, runs.Select(r => r.RunId));
        var first = runs[1];
        Assert.Equal((7, 7, 5, 0), (first.FilesScanned, first.FilesClassified, first.FilesSkipped, first.Errors.Count));
        Assert.Equal((3, 0), (first.TablesCreated, first.TablesDeprecated));
        Assert.InRange(first.BytesRead, 1, first.BytesScanned);
        var latest = runs[0];
        Assert.Equal((6, 6, 0, 1), (latest.FilesScanned, latest.FilesClassified, latest.TablesCreated, latest.TablesDeprecated));
        var error = Assert.Single(latest.Errors);
        Assert.Equal("orders/year=2024/month=01/part-0001.csv: the file is empty.", $"{error.Path}: {error.Reason}");
        Assert.True(latest.EndTime >= latest.StartTime);
    }

    private static Task<CrawlResult> CrawlAsync(CrawledSampleLake lake, DeleteBehavior deleteBehavior = DeleteBehavior.Deprecate) =>
        new Crawler(lake.Catalog).CrawlAsync(new CrawlOptions { Path = lake.LakePath, Database = "sales", DeleteBehavior = deleteBehavior });
}
