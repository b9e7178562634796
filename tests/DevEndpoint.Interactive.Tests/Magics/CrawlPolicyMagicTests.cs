using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class CrawlPolicyMagicTests
{
    [Fact]
    public async Task Crawl_deprecates_a_vanished_table_and_shows_the_reported_change()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        Directory.Delete(Path.Combine(fixture.Lake, "products"), recursive: true);

        var result = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales --delete-behavior deprecate");

        KernelFixture.AssertSucceeded(result);
        var summary = Summary(result);
        var runId = DataCatalog.Open(fixture.CatalogPath).GetCrawlRuns("sales")[0].RunId;
        Assert.Contains("Vanished tables: 1 deprecated, 0 deleted. Vanished partitions removed: 0.", summary);
        Assert.Contains("Reported changes (1)", summary);
        Assert.Contains($"<tr><td style=\"text-align:left\">products</td><td style=\"text-align:left\">its files vanished; the table was marked DEPRECATED_BY_CRAWLER = {runId} (delete behavior deprecate)</td></tr>", summary);
        Assert.Contains("<td style=\"text-align:left\">products</td><td style=\"text-align:left\">deprecated</td>", summary);
    }

    [Fact]
    public async Task Crawl_takes_table_level_combine_new_folders_only_and_schema_change_options()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var level = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database level --table-level 1");
        var combined = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database combined --combine-compatible-schemas");
        var newOnly = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales --new-folders-only --schema-change log");

        Assert.Contains("<td style=\"text-align:left\">lake</td><td style=\"text-align:left\">created</td><td style=\"text-align:left\">csv</td>", Summary(level));
        Assert.Contains("<td style=\"text-align:left\">lake_json</td><td style=\"text-align:left\">created</td><td style=\"text-align:left\">json</td>", Summary(combined));
        Assert.Contains("Files scanned: 0,", Summary(newOnly));
    }

    [Theory]
    [InlineData("--schema-change replace", "'replace' is not a schema change policy. Use update or log.")]
    [InlineData("--delete-behavior ignore", "'ignore' is not a delete behavior. Use deprecate or delete or log.")]
    [InlineData("--table-level 0", "Table level 0 is not valid: level 1 is the include path itself, 2 its subfolders, and so on.")]
    public async Task A_bad_policy_value_fails_the_cell_naming_the_choices(string option, string message)
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales {option}");

        Assert.Equal(message, KernelFixture.Failure(result));
    }

    [Theory]
    [InlineData("--delete-behavior", new[] { "deprecate", "delete", "log" })]
    [InlineData("--schema-change", new[] { "update", "log" })]
    public async Task Policy_options_complete_their_values(string option, string[] values)
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var code = $"#!crawl data --database sales {option} ";

        var result = await fixture.Kernel.SendAsync(new RequestCompletions(code, new LinePosition(0, code.Length)));

        var completions = Assert.Single(result.Events.OfType<CompletionsProduced>()).Completions.Select(c => c.InsertText).ToList();
        Assert.All(values, v => Assert.Contains(v, completions));
    }

    [Fact]
    public async Task Catalog_runs_shows_the_crawl_history_newest_first()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        File.WriteAllText(Path.Combine(fixture.Lake, "products", "empty.parquet"), string.Empty);
        await fixture.CrawlSampleAsync();
        var runs = DataCatalog.Open(fixture.CatalogPath).GetCrawlRuns("sales");

        var all = KernelFixture.Html(await fixture.MagicAsync("#!catalog --runs"));
        var sales = KernelFixture.Html(await fixture.MagicAsync("#!catalog sales --runs"));

        Assert.Contains("Crawl runs (2), newest first", all);
        Assert.True(all.IndexOf(runs[0].RunId, StringComparison.Ordinal) < all.IndexOf(runs[1].RunId, StringComparison.Ordinal));
        Assert.Contains($"<td style=\"text-align:left\">{runs[1].RunId}</td><td style=\"text-align:left\">sales</td><td style=\"text-align:left\">{fixture.Lake}/</td>", sales);
        Assert.Contains("<td style=\"text-align:right\">7</td><td style=\"text-align:right\">5</td>", sales);
        Assert.Contains("<td style=\"text-align:right\">0</td><td style=\"text-align:right\">3</td><td style=\"text-align:right\">0</td><td style=\"text-align:right\">0</td><td style=\"text-align:right\">0</td>", sales);
        Assert.Contains("<td style=\"text-align:left\">products/empty.parquet: the file is empty.</td></tr>", sales);
        Assert.DoesNotContain("_SUCCESS", sales);
    }

    [Fact]
    public async Task Catalog_runs_of_an_unknown_database_suggests_the_closest()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!catalog sale --runs");

        Assert.Equal($"Database 'sale' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'sales'?", KernelFixture.Failure(result));
    }

    private static string Summary(KernelCommandResult result) =>
        result.Events.OfType<DisplayedValueUpdated>().Last().FormattedValues.Single(v => v.MimeType == "text/html").Value;
}
