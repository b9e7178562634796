using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>Log tables of custom grok classifiers: their custom patterns, values that do not convert, and patterns that backtrack too long.</summary>
public sealed partial class LogLoadingTests
{
    [Fact]
    public async Task A_custom_grok_classifier_s_table_loads_with_its_custom_patterns_and_sets_values_that_do_not_convert_aside()
    {
        var file = temp.Write("lake/app/app.log", "2026-11-25T08:00:01 INFO [12] started\n2026-11-25T08:00:02 WARN [7] disk at 91%\n2026-11-25T08:00:03 ERROR [12] failed: é\n");
        catalog.Update(u => u.PutClassifier(new GrokCustomClassifier
        {
            Name = "app",
            Classification = "app_log",
            GrokPattern = @"%{APPTIME:at} %{LEVEL:level} \[%{INT:thread:int}\] %{GREEDYDATA:message}",
            CustomPatterns = "APPTIME [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\nLEVEL INFO|WARN|ERROR",
        }));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake", Classifiers = ["app"] });
        var table = catalog.GetTable(new TableName("lake", "app"));

        var loaded = await new TableLoader(catalog).LoadAsync("lake.app");
        File.AppendAllText(file, "2026-11-25T08:00:04 INFO [99999999999] overflow\n");
        var permissive = await new TableLoader(catalog).LoadAsync("lake.app");
        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.app", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal("APPTIME [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\nLEVEL INFO|WARN|ERROR", table.StorageDescriptor.SerdeInfo.Parameters["input.grokCustomPatterns"]);
        Assert.Equal(
            [
                new object?[] { "2026-11-25T08:00:01", "INFO", 12, "started" },
                new object?[] { "2026-11-25T08:00:02", "WARN", 7, "disk at 91%" },
                new object?[] { "2026-11-25T08:00:03", "ERROR", 12, "failed: é" },
            ],
            Rows(loaded.Frame));
        Assert.Equal(Rows(loaded.Frame), Rows(permissive.Frame));
        Assert.Equal(new object?[] { file, 4L, "thread", "99999999999", "cannot read '99999999999' as int" }, Assert.Single(permissive.Errors.Rows).ToArray());
        Assert.Equal($"{file}: line 4, column 'thread': cannot read '99999999999' as int. Fix the value, or re-crawl the table if its data changed.", error.Message);
    }

    [Fact]
    public async Task A_line_the_pattern_backtracks_on_too_long_is_matched_by_the_linear_engine_and_set_aside_when_it_does_not_match()
    {
        var file = await CrawlRunsAsync("RUN (?:a|aa)+");
        var slow = new string('a', 40) + "!";
        File.AppendAllText(file, slow + "\n");

        var result = await new TableLoader(catalog).LoadAsync("lake.runs");

        Assert.Equal(new object?[] { "aaa", "a", "aaaa" }, result.Frame.Columns["run"].Cast<object?>().ToArray());
        Assert.Equal(new object?[] { file, 4L, null, slow, "does not match the grok pattern %{RUN:run}" }, Assert.Single(result.Errors.Rows).ToArray());
    }

    [Fact]
    public async Task A_line_a_pattern_with_lookarounds_backtracks_on_too_long_is_a_bad_record_saying_so()
    {
        var file = await CrawlRunsAsync("RUN (?=a)(?:a|aa)+");
        var slow = new string('a', 40) + "!";
        File.AppendAllText(file, slow + "\n");

        var permissive = await new TableLoader(catalog).LoadAsync("lake.runs");
        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.runs", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(3, permissive.Frame.Rows.Count);
        Assert.Equal(
            new object?[] { file, 4L, null, slow, "took the grok pattern %{RUN:run} more than 250 ms to match" },
            Assert.Single(permissive.Errors.Rows).ToArray());
        Assert.Equal(
            $"{file}: line 4 took the grok pattern %{{RUN:run}} more than 250 ms to match: '{slow}'. Fix the line, or load with --mode permissive or dropmalformed to set such lines aside.",
            error.Message);
    }

    [Fact]
    public async Task A_table_that_does_not_record_the_custom_patterns_its_pattern_uses_says_to_crawl_again()
    {
        await CrawlRunsAsync("RUN (?:a|aa)+");
        var table = catalog.GetTable(new TableName("lake", "runs"));
        var parameters = table.StorageDescriptor.Parameters.Where(p => p.Key != "grokCustomPatterns").ToDictionary();
        catalog.Update(u => u.PutTable(table with { StorageDescriptor = table.StorageDescriptor with { Parameters = parameters } }));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("lake.runs"));

        Assert.Equal(
            "Table lake.runs cannot be loaded: The grok pattern '%{RUN:run}' refers to %{RUN}, which is not a known pattern. Crawl its folder again (with the custom classifier that matched it, if one did) so that the table records every pattern it uses.",
            error.Message);
    }

    /// <summary>Crawls lines of a's with a custom classifier whose pattern is the named pattern RUN; returns the file.</summary>
    private async Task<string> CrawlRunsAsync(string customPatterns)
    {
        var file = temp.Write("lake/runs/runs.log", "aaa\na\naaaa\n");
        catalog.Update(u => u.PutClassifier(new GrokCustomClassifier { Name = "runs", Classification = "runs", GrokPattern = "%{RUN:run}", CustomPatterns = customPatterns }));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake", Classifiers = ["runs"] });
        return file;
    }
}
