using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using DevEndpoint.Testing;

namespace DevEndpoint.Tests.Jobs;

/// <summary>The job runs a catalog keeps, in both stores: recorded while a job runs, read by anyone, a lost run told apart.</summary>
public sealed class JobRunTests : IDisposable
{
    private static readonly Dictionary<string, string> Arguments = new() { ["--source"] = "lake.orders", ["--to"] = "/data/out" };

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public async Task A_run_reads_back_as_it_goes_with_its_tasks_per_worker_and_ends_succeeded_with_its_commit(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        await using var record = JobRunRecord.Start(catalog, "run-1", "nightly", Arguments, tasks: 3, workers: 2);

        var started = catalog.GetJobRun("run-1");
        record.TaskDone("w1");
        record.TaskDone("w2");
        record.TaskDone("w1");
        record.TaskRetried();
        await WaitForAsync(() => catalog.GetJobRun("run-1").TasksSucceeded == 3);
        await record.StopHeartbeatAsync();
        catalog.Update(record.Succeed);

        Assert.Equal((JobRunStates.Running, 0, null), (started.JobRunState, started.TasksSucceeded, started.CompletedOn));
        var run = catalog.GetJobRun("run-1");
        Assert.Equal((JobRunStates.Succeeded, "nightly", 3, 3, 1, 2), (run.JobRunState, run.JobName, run.Tasks, run.TasksSucceeded, run.TasksRetried, run.NumberOfWorkers));
        Assert.Equal(new Dictionary<string, int> { ["w1"] = 2, ["w2"] = 1 }, run.TasksByWorker);
        Assert.Equal(Arguments, run.Arguments);
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", run.Coordinator);
        Assert.NotNull(run.CompletedOn);
        Assert.Null(run.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public async Task A_failed_run_keeps_its_error_and_a_cancelled_one_reads_stopped(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        await using (var failed = JobRunRecord.Start(catalog, "run-1", "nightly", Arguments, 2, 2))
        {
            await failed.FailAsync(new DevEndpointException("job task 2/2 failed on w1: no orders"));
        }

        await using (var stopped = JobRunRecord.Start(catalog, "run-2", "nightly", Arguments, 2, 2))
        {
            await stopped.FailAsync(new OperationCanceledException());
        }

        Assert.Equal((JobRunStates.Failed, "job task 2/2 failed on w1: no orders"), (catalog.GetJobRun("run-1").JobRunState, catalog.GetJobRun("run-1").ErrorMessage));
        Assert.Equal(
            (JobRunStates.Stopped, "The run was stopped before it committed; nothing was written."),
            (catalog.GetJobRun("run-2").JobRunState, catalog.GetJobRun("run-2").ErrorMessage));
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void A_running_run_whose_heartbeat_stopped_over_a_minute_ago_reads_as_lost(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        var beat = new DateTimeOffset(2026, 12, 7, 20, 0, 5, TimeSpan.Zero);
        catalog.RecordJobRun(new JobRun
        {
            Id = "run-1",
            JobName = "nightly",
            StartedOn = beat.AddSeconds(-65),
            LastModifiedOn = beat,
            JobRunState = JobRunStates.Running,
            Coordinator = "build-7:4242",
        });
        catalog.RecordJobRun(new JobRun { Id = "run-2", JobName = "nightly", StartedOn = DateTimeOffset.UtcNow, LastModifiedOn = DateTimeOffset.UtcNow, JobRunState = JobRunStates.Running });

        var lost = catalog.GetJobRun("run-1");

        Assert.Equal((JobRunStates.Failed, beat, 65), (lost.JobRunState, lost.CompletedOn, lost.ExecutionTime));
        Assert.Equal(
            "Lost: build-7:4242 stopped recording the run at 2026-12-07 20:00:05 UTC (no heartbeat for more than 60 s); it committed nothing. Run the job again.",
            lost.ErrorMessage);
        Assert.Equal(JobRunStates.Running, catalog.GetJobRun("run-2").JobRunState);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Runs_list_newest_first_and_by_job_without_case(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        foreach (var (id, job) in new[] { ("run-1", "nightly"), ("run-2", "Cleaning.Drop"), ("run-3", "Nightly") })
        {
            catalog.RecordJobRun(new JobRun { Id = id, JobName = job, StartedOn = DateTimeOffset.UtcNow, LastModifiedOn = DateTimeOffset.UtcNow, JobRunState = JobRunStates.Succeeded });
        }

        Assert.Equal(["run-3", "run-2", "run-1"], catalog.GetJobRuns().Select(r => r.Id));
        Assert.Equal(["run-3", "run-1"], catalog.GetJobRuns("NIGHTLY").Select(r => r.Id));
        Assert.Empty(catalog.GetJobRuns("weekly"));
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void An_unknown_run_is_refused_naming_the_latest_runs(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));

        var none = Assert.Throws<DevEndpointException>(() => catalog.GetJobRun("run-9"));
        catalog.RecordJobRun(new JobRun { Id = "run-1", JobName = "nightly", StartedOn = DateTimeOffset.UtcNow, LastModifiedOn = DateTimeOffset.UtcNow, JobRunState = JobRunStates.Succeeded });
        catalog.RecordJobRun(new JobRun { Id = "run-2", JobName = "nightly", StartedOn = DateTimeOffset.UtcNow, LastModifiedOn = DateTimeOffset.UtcNow, JobRunState = JobRunStates.Succeeded });
        var other = Assert.Throws<DevEndpointException>(() => catalog.GetJobRun("run-9"));

        Assert.Equal(
            $"The catalog at {catalog.Path} has no job runs, so none is 'run-9'. Run a job first (devendpoint job run), or name the catalog it ran with (--catalog).",
            none.Message);
        Assert.Equal($"The catalog at {catalog.Path} has no job run 'run-9'. Its latest: run-2, run-1; devendpoint job list shows them all.", other.Message);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The run was not recorded within 30 s.");
            await Task.Delay(100);
        }
    }
}
