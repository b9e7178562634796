using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEndpoint.Cli.Tests;

public sealed class CrawlCommandTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public void Crawl_exits_0_and_prints_a_summary_of_tables_and_skipped_files()
    {
        var crawl = lake.Crawl;

        Assert.Equal(string.Empty, crawl.Error);
        Assert.Equal(0, crawl.ExitCode);
        var lines = crawl.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches($"^Crawled {Regex.Escape(lake.LakePath)}/ into database 'sales' in [0-9.]+ s \\(run [0-9]{{8}}T[0-9]{{6}}Z-[0-9a-f]{{8}}\\)\\.$", lines[0]);
        Assert.Equal("Tables: 3 created, 0 updated, 0 unchanged. Partitions added: 5. Files read: 7, skipped: 5, excluded: 0.", lines[1]);
        Assert.Equal(
            new[]
            {
                "table      change   classification  columns  partitions  files  records",
                "customers  created  json            6        0           1      30",
                "orders     created  csv             6        5           5      200",
                "products   created  parquet         5        0           1      8",
                "Skipped files:",
                "  orders/year=2023/month=11/_SUCCESS: hidden or marker file: names starting with '.' or '_' do not hold data",
            },
            lines.Skip(2).Take(6));
    }

    [Fact]
    public async Task Crawl_json_prints_the_crawl_result()
    {
        using var temp = new TempFolder();

        var crawl = await DevEndpointCommand.RunAsync("crawl", lake.LakePath, "--database", "sales", "--catalog", temp.Combine("catalog.db"), "--json", "--exclude", "**/_SUCCESS");

        Assert.Equal(0, crawl.ExitCode);
        using var json = JsonDocument.Parse(crawl.Output);
        var root = json.RootElement;
        Assert.Equal(["Crawl", "CrawlerMetrics", "Tables", "SkippedFiles", "Notices"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sales", root.GetProperty("Crawl").GetProperty("DatabaseName").GetString());
        Assert.Equal(
            """{"TABLE":{"ADD":{"Count":3},"UPDATE":{"Count":0},"DELETE":{"Count":0}},"PARTITION":{"ADD":{"Count":5},"DELETE":{"Count":0}}}""",
            root.GetProperty("Crawl").GetProperty("Summary").GetString());
        Assert.Equal(5, root.GetProperty("Crawl").GetProperty("Metrics").GetProperty("FilesExcluded").GetInt32());
        Assert.Equal(("sales", 3), (root.GetProperty("CrawlerMetrics").GetProperty("CrawlerName").GetString(), root.GetProperty("CrawlerMetrics").GetProperty("TablesCreated").GetInt32()));
        Assert.Equal(new[] { "customers", "orders", "products" }, root.GetProperty("Tables").EnumerateArray().Select(t => t.GetProperty("Name").GetString()));
        Assert.Equal(0, root.GetProperty("SkippedFiles").GetArrayLength());
    }

    [Fact]
    public async Task Crawling_a_missing_folder_exits_1_with_the_error_on_stderr()
    {
        using var temp = new TempFolder();
        var missing = temp.Combine("missing");

        var crawl = await DevEndpointCommand.RunAsync("crawl", missing, "--database", "sales", "--catalog", temp.Combine("catalog.db"));

        Assert.Equal(1, crawl.ExitCode);
        Assert.Equal(string.Empty, crawl.Output);
        Assert.StartsWith($"error: The folder '{missing}' does not exist (resolved to {missing}).", crawl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_without_a_database_exits_non_zero_and_says_the_option_is_required()
    {
        var crawl = await DevEndpointCommand.RunAsync("crawl", lake.LakePath);

        Assert.NotEqual(0, crawl.ExitCode);
        Assert.Contains("Option '--database' is required.", crawl.Error, StringComparison.Ordinal);
    }
}
