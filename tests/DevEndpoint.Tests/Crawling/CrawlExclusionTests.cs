using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlExclusionTests
{
    [Fact]
    public async Task Excluded_folders_are_left_out_of_the_table_and_counted()
    {
        using var lake = await CrawledSampleLake.CreateAsync("orders/year=2023");

        var orders = lake.Catalog.GetTable(TableName.Parse("sales.orders"));

        Assert.Equal(
            new[] { "2024/01", "2024/02", "2024/03" },
            lake.Catalog.GetPartitions(TableName.Parse("sales.orders")).Select(p => string.Join('/', p.Values)));
        Assert.Equal("120", orders.Parameter("recordCount"));
        Assert.Equal("[\"orders/year=2023\"]", orders.Parameter(Crawler.ExclusionsParameter));
        Assert.Equal(4, lake.Result.Run.FilesExcluded);
        Assert.DoesNotContain(lake.Result.SkippedFiles, s => s.Path.StartsWith("orders/year=2023", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exclusion_can_leave_out_a_whole_table()
    {
        using var lake = await CrawledSampleLake.CreateAsync("**/*.parquet", "**/_SUCCESS");

        Assert.Equal(new[] { "customers", "orders" }, lake.Catalog.GetTables("sales").Select(t => t.Name));
        Assert.Empty(lake.Result.SkippedFiles);
        Assert.Equal(6, lake.Result.Run.FilesExcluded);
    }

    [Fact]
    public async Task The_loader_leaves_out_files_the_crawl_excluded()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write(
            "lake/orders/year=2024/month=01/part-0001-draft.csv",
            "order_id,customer_id,order_date,amount,status,note\n9000,1,2024-01-05,1.00,pending,\n9001,2,2024-01-06,2.00,pending,\n");

        await lake.CrawlAsync("**/*-draft.csv");
        var withExclusion = await lake.LoadAsync("sales.orders");
        await lake.CrawlAsync();
        var withoutExclusion = await lake.LoadAsync("sales.orders");

        Assert.Equal(200, withExclusion.Frame.Rows.Count);
        Assert.Equal(5, withExclusion.FilesRead);
        Assert.Equal(202, withoutExclusion.Frame.Rows.Count);
        Assert.Equal(6, withoutExclusion.FilesRead);
    }
}
