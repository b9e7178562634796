using DevEndpoint.Catalog;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Cli.Tests;

public sealed class ConcurrentCrawlTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public async Task Two_crawls_into_different_databases_of_one_new_catalog_both_succeed()
    {
        using var temp = new TempFolder();
        var catalog = temp.Combine("catalog.db");

        var results = await Task.WhenAll(
            DevEndpointCommand.RunAsync("crawl", lake.LakePath, "--database", "sales_a", "--catalog", catalog),
            DevEndpointCommand.RunAsync("crawl", lake.LakePath, "--database", "sales_b", "--catalog", catalog));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"A crawl exited {r.ExitCode}: {r.Error}"));
        var opened = DataCatalog.Open(catalog);
        Assert.Equal(new[] { "sales_a", "sales_b" }, opened.GetDatabases().Select(d => d.Name));
        Assert.Equal(new[] { "customers", "orders", "products" }, opened.GetTables("sales_a").Select(t => t.Name));
        Assert.Equal(new[] { "customers", "orders", "products" }, opened.GetTables("sales_b").Select(t => t.Name));
        Assert.Equal(5, opened.GetPartitions(TableName.Parse("sales_b.orders")).Count);
        Assert.Equal("ok", IntegrityCheck(catalog));
    }

    [Fact]
    public async Task Two_crawls_into_the_same_database_commit_one_after_the_other()
    {
        using var temp = new TempFolder();
        var catalog = temp.Combine("catalog.db");

        var results = await Task.WhenAll(
            DevEndpointCommand.RunAsync("crawl", lake.LakePath, "--database", "sales", "--catalog", catalog),
            DevEndpointCommand.RunAsync("crawl", lake.LakePath, "--database", "sales", "--catalog", catalog));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"A crawl exited {r.ExitCode}: {r.Error}"));
        var summaries = results.Select(r => r.Output.Split('\n')[1].TrimEnd('\r')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                "Tables: 0 created, 0 updated, 3 unchanged. Partitions added: 0. Files read: 7, skipped: 5, excluded: 0.",
                "Tables: 3 created, 0 updated, 0 unchanged. Partitions added: 5. Files read: 7, skipped: 5, excluded: 0.",
            },
            summaries);
        var opened = DataCatalog.Open(catalog);
        Assert.Equal(2, opened.GetCrawlRuns("sales").Count);
        Assert.All(opened.GetTables("sales"), t => Assert.Equal(1, t.VersionId));
        Assert.Equal("ok", IntegrityCheck(catalog));
    }

    private static string? IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string;
    }
}
