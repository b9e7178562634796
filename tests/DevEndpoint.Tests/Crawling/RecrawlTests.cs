using DevEndpoint.Catalog;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Crawling;

public sealed class RecrawlTests
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    [Fact]
    public async Task Recrawling_an_unchanged_lake_leaves_every_table_unchanged()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var again = await lake.CrawlAsync();

        Assert.All(again.Tables, t => Assert.Equal(TableChange.Unchanged, t.Change));
        Assert.Equal((0, 0, 3, 0), (again.Run.TablesCreated, again.Run.TablesUpdated, again.Run.TablesUnchanged, again.Run.PartitionsAdded));
        Assert.All(lake.Catalog.GetTables("sales"), t => Assert.Equal(1, t.VersionId));
        Assert.Single(lake.Catalog.GetTableVersions(Orders));
        Assert.Equal(2, lake.Catalog.GetCrawlRuns("sales").Count);
    }

    [Fact]
    public async Task Recrawling_after_a_new_partition_with_a_new_column_updates_the_table_and_keeps_the_old_version()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write(
            "lake/orders/year=2024/month=04/part-0000.csv",
            "order_id,customer_id,order_date,amount,status,note,coupon\n2000,7,2024-04-02,19.90,shipped,,SPRING\n2001,8,2024-04-03,5.00,pending,,\n");

        var again = await lake.CrawlAsync();

        var orders = Assert.Single(again.Tables, t => t.Name == "orders");
        Assert.Equal((TableChange.Updated, 6, 1, 202L), (orders.Change, orders.Partitions, orders.PartitionsAdded, orders.RecordCount));
        Assert.Equal(new[] { "customers", "orders", "products" }, again.Tables.Select(t => t.Name));
        var table = lake.Catalog.GetTable(Orders);
        Assert.Equal(2, table.VersionId);
        Assert.Equal("coupon string", $"{table.StorageDescriptor.Columns[^1].Name} {table.StorageDescriptor.Columns[^1].Type}");
        Assert.Equal("6", table.Parameter("objectCount"));
        var versions = lake.Catalog.GetTableVersions(Orders);
        Assert.Equal(new long[] { 2, 1 }, versions.Select(v => v.VersionId));
        Assert.Equal(6, versions[1].Table.StorageDescriptor.Columns.Count);
        Assert.Equal("200", versions[1].Table.Parameter("recordCount"));
        Assert.Equal("2024/04", string.Join('/', lake.Catalog.GetPartitions(Orders)[^1].Values));
    }

    [Fact]
    public async Task Files_written_before_a_column_was_added_load_it_as_null()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write(
            "lake/orders/year=2024/month=04/part-0000.csv",
            "order_id,customer_id,order_date,amount,status,note,coupon\n2000,7,2024-04-02,19.90,shipped,,SPRING\n");
        await lake.CrawlAsync();

        var result = await lake.LoadAsync("sales.orders", new LoadOptions { Columns = ["order_id", "coupon"] });

        var coupon = result.Frame.Columns["coupon"];
        Assert.Equal(201, result.Frame.Rows.Count);
        Assert.Equal(200, coupon.NullCount);
        Assert.Equal("SPRING", coupon[200]);
        Assert.Equal(2000, result.Frame.Columns["order_id"][200]);
    }
}
