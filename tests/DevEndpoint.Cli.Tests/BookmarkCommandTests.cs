using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

public sealed class BookmarkCommandTests : IAsyncLifetime
{
    private readonly CrawledCatalog lake = new();

    public Task InitializeAsync() => lake.InitializeAsync();

    public Task DisposeAsync() => lake.DisposeAsync();

    [Fact]
    public async Task A_load_and_its_commit_in_separate_processes_make_the_next_load_read_only_new_files()
    {
        var first = await lake.RunAsync("load", "sales.orders", "--bookmark", "nightly");
        var pending = await lake.RunAsync("bookmark", "status", "nightly");
        var commit = await lake.RunAsync("bookmark", "commit", "nightly");
        var added = Path.Combine(lake.LakePath, "orders", "year=2024", "month=03", "part-0001.csv");
        File.Copy(Path.Combine(lake.LakePath, "orders", "year=2023", "month=11", "part-0000.csv"), added);
        var second = await lake.RunAsync("load", "sales.orders", "--bookmark", "nightly");
        var all = await lake.RunAsync("bookmark", "status");

        Assert.Equal((0, string.Empty), (first.ExitCode, first.Error));
        Assert.Equal(
            "Bookmark nightly: read 5 new or changed files of sales.orders, skipped 0 that its committed runs processed. When the run succeeds: devendpoint bookmark commit nightly",
            Lines(first)[1]);
        Assert.Equal(0, pending.ExitCode);
        Assert.Matches("^Job bookmark nightly: no committed run yet; 0 files processed; a pending run since [0-9-]+ [0-9:]+ UTC that read 5 files\\.$", Lines(pending)[0]);
        Assert.Equal("Pending files of sales.orders:", Lines(pending)[3]);
        Assert.Equal(0, commit.ExitCode);
        Assert.Matches(
            "^Committed run 1 of job bookmark nightly at [0-9-]+ [0-9:]+ UTC: 5 files of sales.orders are processed; the next load with --bookmark nightly reads only files added or changed since\\.$",
            Lines(commit)[0]);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches("^40 rows, 8 columns from 1 files, 5 of 5 partitions, in [0-9]+ ms\\.$", Lines(second)[0]);
        Assert.StartsWith("Bookmark nightly: read 1 new or changed files of sales.orders, skipped 5 ", Lines(second)[1]);
        Assert.Matches("^nightly +1 +[0-9-]+ [0-9:]+ UTC +5 +[0-9-]+ [0-9:]+ UTC +1$", Lines(all)[1]);
    }

    [Fact]
    public async Task A_failed_load_commits_nothing_and_reset_makes_the_next_load_read_everything()
    {
        var bad = Path.Combine(lake.LakePath, "orders", "year=2024", "month=01", "part-0001.csv");
        File.WriteAllText(bad, "order_id,customer_id,order_date,amount,status,note\nnot-a-number,1,2024-01-02,1.00,shipped,\n");

        var failed = await lake.RunAsync("load", "sales.orders", "--bookmark", "nightly", "--mode", "failfast");
        var commitAfterFailure = await lake.RunAsync("bookmark", "commit", "nightly");
        File.Delete(bad);
        await lake.RunAsync("load", "sales.orders", "--bookmark", "nightly");
        await lake.RunAsync("bookmark", "commit", "nightly");
        var reset = await lake.RunAsync("bookmark", "reset", "nightly");
        var afterReset = await lake.RunAsync("load", "sales.orders", "--bookmark", "nightly");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(1, commitAfterFailure.ExitCode);
        Assert.Equal(
            $"error: Job bookmark 'nightly' does not exist in the catalog {lake.CatalogPath}. The catalog has no job bookmarks yet: a load with bookmark nightly starts one.{Environment.NewLine}",
            commitAfterFailure.Error);
        Assert.Equal(0, reset.ExitCode);
        Assert.Equal(
            "Reset job bookmark nightly: forgot 5 processed and 0 pending files of 1 tables; the next load with --bookmark nightly reads every file.",
            Lines(reset)[0]);
        Assert.Matches("^200 rows, ", Lines(afterReset)[0]);
    }

    [Fact]
    public async Task Status_json_and_the_errors_of_commit_and_load()
    {
        await lake.RunAsync("load", "sales.products", "--bookmark", "daily");
        await lake.RunAsync("bookmark", "commit", "daily");

        var json = await lake.RunAsync("bookmark", "status", "daily", "--json");
        var again = await lake.RunAsync("bookmark", "commit", "daily");
        var limited = await lake.RunAsync("load", "sales.products", "--bookmark", "daily", "--limit", "1");
        var noJob = await lake.RunAsync("bookmark", "commit");

        Assert.Equal(0, json.ExitCode);
        var bookmark = JsonDocument.Parse(json.Output).RootElement.GetProperty("JobBookmark");
        Assert.Equal("daily", bookmark.GetProperty("Job").GetString());
        Assert.Equal(1, bookmark.GetProperty("CommittedRuns").GetInt32());
        Assert.Equal(1, bookmark.GetProperty("FilesProcessed").GetInt32());
        Assert.Equal("products", bookmark.GetProperty("Tables")[0].GetProperty("Table").GetProperty("Table").GetString());
        Assert.Equal(
            "error: Job bookmark 'daily' has no pending run to commit: nothing was loaded with it since its last commit. Load its tables with bookmark daily, then commit." + Environment.NewLine,
            again.Error);
        Assert.Equal(1, limited.ExitCode);
        Assert.Equal(
            "error: A load with job bookmark 'daily' reads whole files and records them as processed, so it cannot take a row limit or a sample. Load without them, or without the bookmark." + Environment.NewLine,
            limited.Error);
        Assert.Equal(2, noJob.ExitCode);
        Assert.StartsWith("error: Required argument missing for command: 'commit'.", noJob.Error);
    }

    private static List<string> Lines(CliResult result) => result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
}
