using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

public sealed class CatalogPathVariableTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public async Task Without_catalog_the_command_uses_DEVENDPOINT_CATALOG()
    {
        var result = await DevEndpointCommand.RunAsync(
            ["catalog", "databases", "--json"],
            new Dictionary<string, string> { ["DEVENDPOINT_CATALOG"] = lake.CatalogPath });

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("sales", Assert.Single(json.RootElement.GetProperty("DatabaseList").EnumerateArray()).GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Catalog_wins_over_DEVENDPOINT_CATALOG()
    {
        using var temp = new TempFolder();

        var result = await DevEndpointCommand.RunAsync(
            ["catalog", "databases", "--json", "--catalog", lake.CatalogPath],
            new Dictionary<string, string> { ["DEVENDPOINT_CATALOG"] = temp.Combine("other.db") });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"sales\"", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("other.db")));
    }
}
