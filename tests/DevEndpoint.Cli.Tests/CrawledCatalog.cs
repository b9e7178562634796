namespace DevEndpoint.Cli.Tests;

/// <summary>The sample lake written by <c>devendpoint sample-data</c> and crawled by <c>devendpoint crawl</c> into database <c>sales</c>.</summary>
public sealed class CrawledCatalog : IAsyncLifetime
{
    private readonly TempFolder temp = new();

    public string LakePath => temp.Combine("lake");

    public string CatalogPath => temp.Combine("catalog.db");

    /// <summary>What the crawl printed.</summary>
    internal CliResult Crawl { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        var sample = await DevEndpointCommand.RunAsync("sample-data", LakePath);
        Assert.True(sample.ExitCode == 0, $"sample-data failed: {sample.Error}");
        Crawl = await DevEndpointCommand.RunAsync("crawl", LakePath, "--database", "sales", "--catalog", CatalogPath);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs a command against this catalog.</summary>
    internal Task<CliResult> RunAsync(params string[] args)
    {
        string[] all = [.. args, "--catalog", CatalogPath];
        return DevEndpointCommand.RunAsync(all);
    }
}
