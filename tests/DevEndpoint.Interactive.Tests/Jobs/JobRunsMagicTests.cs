using DevEndpoint.Catalog;
using DevEndpoint.Testing;

namespace DevEndpoint.Interactive.Tests.Jobs;

/// <summary><c>#!job status</c> and <c>#!job list</c>: the job runs the catalog keeps, as tables in the notebook.</summary>
public sealed class JobRunsMagicTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_shows_a_run_with_its_tasks_per_worker()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        RecordRuns(fixture.CatalogPath);

        var status = await fixture.MagicAsync("#!job status run-1");

        KernelFixture.AssertSucceeded(status);
        var html = KernelFixture.Html(status);
        Assert.Contains("Job run run-1 of nightly: SUCCEEDED", html);
        Assert.Contains("Started 2026-12-07 09:30:00 UTC, completed 2026-12-07 09:30:12 UTC (12 s); last heartbeat 2026-12-07 09:30:12 UTC from build-7:4242.", html);
        Assert.Contains("Tasks: 3 of 3 done, 1 sent again after their worker left, on 2 workers.", html);
        Assert.Contains(
            "<tr><td style=\"text-align:left\">w1</td><td style=\"text-align:right\">2</td></tr><tr><td style=\"text-align:left\">w2</td><td style=\"text-align:right\">1</td></tr>",
            html);
    }

    [Fact]
    public async Task List_shows_the_runs_newest_first_and_only_those_of_a_job_with_job()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        RecordRuns(fixture.CatalogPath);

        var all = await fixture.MagicAsync("#!job list");
        var nightly = await fixture.MagicAsync("#!job list --job NIGHTLY");
        var none = await fixture.MagicAsync("#!job list --job weekly");

        KernelFixture.AssertSucceeded(all);
        var html = KernelFixture.Html(all);
        Assert.True(html.IndexOf(">run-2<", StringComparison.Ordinal) is > 0 and var second && second < html.IndexOf(">run-1<", StringComparison.Ordinal), html);
        Assert.Contains(
            "<td style=\"text-align:left\">run-1</td><td style=\"text-align:left\">nightly</td><td style=\"text-align:left\">SUCCEEDED</td><td style=\"text-align:left\">2026-12-07 09:30:00 UTC</td><td style=\"text-align:right\">12</td><td style=\"text-align:left\">3/3</td><td style=\"text-align:right\">2</td><td style=\"text-align:left\"></td>",
            html);
        Assert.Contains("<td style=\"text-align:left\">run-2</td><td style=\"text-align:left\">Cleaning.Drop</td><td style=\"text-align:left\">FAILED</td>", html);
        KernelFixture.AssertSucceeded(nightly);
        Assert.DoesNotContain(">run-2<", KernelFixture.Html(nightly), StringComparison.Ordinal);
        Assert.Contains(">run-1<", KernelFixture.Html(nightly), StringComparison.Ordinal);
        Assert.Contains($"No runs of job weekly in {fixture.CatalogPath} yet: devendpoint job run records each run in the catalog it writes to.", KernelFixture.Html(none));
    }

    [Fact]
    public async Task An_unknown_run_id_fails_naming_the_latest_runs_and_a_catalog_without_runs_says_how_to_make_one()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var empty = await fixture.MagicAsync("#!job status run-1");
        RecordRuns(fixture.CatalogPath);

        var unknown = await fixture.MagicAsync("#!job status run-9");
        var noSubcommand = await fixture.SubmitAsync("#!job");

        Assert.Equal(
            $"The catalog at {fixture.CatalogPath} has no job runs, so none is 'run-1'. Run a job first (devendpoint job run), or name the catalog it ran with (--catalog).",
            KernelFixture.Failure(empty));
        Assert.Equal($"The catalog at {fixture.CatalogPath} has no job run 'run-9'. Its latest: run-2, run-1; devendpoint job list shows them all.", KernelFixture.Failure(unknown));
        Assert.Equal("Give #!job a subcommand: status <run-id> or list.", KernelFixture.Failure(noSubcommand));
    }

    private static void RecordRuns(string catalogPath) => JobRunSamples.RecordTwo(DataCatalog.Open(catalogPath), Started);
}
