using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Testing;

namespace DevEndpoint.Cli.Tests;

/// <summary><c>devendpoint job status</c> and <c>job list</c>: the runs a catalog keeps, as text and as Glue's responses.</summary>
public sealed class JobRunsCommandTests : IDisposable
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Status_shows_the_run_its_times_and_its_tasks_per_worker()
    {
        var catalog = Catalog();

        var status = await RunAsync("job", "status", "run-1", "--catalog", catalog);

        Assert.Equal((0, string.Empty), (status.ExitCode, status.Error));
        Assert.Equal(
            [
                "Job run run-1 of nightly: SUCCEEDED",
                "Started 2026-12-07 20:00:00 UTC, completed 2026-12-07 20:00:12 UTC (12 s); last heartbeat 2026-12-07 20:00:12 UTC from build-7:4242.",
                "Tasks: 3 of 3 done, 1 sent again after their worker left, on 2 workers.",
                "worker  tasks done",
                "w1      2",
                "w2      1",
            ],
            Lines(status));
    }

    [Fact]
    public async Task A_run_whose_process_died_lists_as_failed_lost_and_the_list_filters_by_job()
    {
        var catalog = Catalog();

        var all = await RunAsync("job", "list", "--catalog", catalog);
        var nightly = await RunAsync("job", "list", "--job", "NIGHTLY", "--catalog", catalog, "--json");

        Assert.Equal(0, all.ExitCode);
        var lines = Lines(all);
        Assert.Equal(3, lines.Length);
        Assert.Matches("^run +job +state +started +seconds +tasks done +workers +error$", lines[0]);
        Assert.Matches(
            @"^run-2 +Cleaning\.Drop +FAILED +2026-12-07 21:00:00 UTC +5 +1/4 +2 +Lost: build-7:4242 stopped recording the run at 2026-12-07 21:00:05 UTC \(no heartbeat for more than 60 s\); it committed nothing\. Run the job again\.$",
            lines[1]);
        Assert.Matches("^run-1 +nightly +SUCCEEDED +2026-12-07 20:00:00 UTC +12 +3/3 +2 *$", lines[2]);
        using var json = JsonDocument.Parse(nightly.Output);
        var run = Assert.Single(json.RootElement.GetProperty("JobRuns").EnumerateArray());
        Assert.Equal(("run-1", 12, 2), (run.GetProperty("Id").GetString(), run.GetProperty("ExecutionTime").GetInt32(), run.GetProperty("TasksByWorker").GetProperty("w1").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_run_is_refused_naming_the_latest()
    {
        var catalog = Catalog();

        var status = await RunAsync("job", "status", "run-9", "--catalog", catalog);

        Assert.Equal(1, status.ExitCode);
        Assert.Equal($"error: The catalog at {catalog} has no job run 'run-9'. Its latest: run-2, run-1; devendpoint job list shows them all.{Environment.NewLine}", status.Error);
    }

    private string Catalog()
    {
        var path = temp.Combine("catalog.db");
        JobRunSamples.RecordTwo(DataCatalog.Open(path), Started);
        return path;
    }

    private static Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync(args);

    private static string[] Lines(CliResult result) => result.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
