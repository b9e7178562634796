using DevEndpoint.Catalog;

namespace DevEndpoint.Testing;

/// <summary>Job runs recorded in a catalog for the tests of <c>job status|list</c> and <c>#!job</c>.</summary>
internal static class JobRunSamples
{
    /// <summary>
    /// Two runs from <paramref name="started"/>: <c>run-1</c> of <c>nightly</c> succeeded in 12 s on two workers (one task
    /// sent again), and <c>run-2</c> of <c>Cleaning.Drop</c>, an hour later, still RUNNING with its last heartbeat 5 s after
    /// its start (read as lost once that is old).
    /// </summary>
    public static void RecordTwo(DataCatalog catalog, DateTimeOffset started)
    {
        catalog.RecordJobRun(new JobRun
        {
            Id = "run-1",
            JobName = "nightly",
            StartedOn = started,
            LastModifiedOn = started.AddSeconds(12),
            CompletedOn = started.AddSeconds(12),
            JobRunState = JobRunStates.Succeeded,
            NumberOfWorkers = 2,
            Coordinator = "build-7:4242",
            Tasks = 3,
            TasksSucceeded = 3,
            TasksRetried = 1,
            TasksByWorker = new Dictionary<string, int> { ["w2"] = 1, ["w1"] = 2 },
        });
        catalog.RecordJobRun(new JobRun
        {
            Id = "run-2",
            JobName = "Cleaning.Drop",
            StartedOn = started.AddHours(1),
            LastModifiedOn = started.AddHours(1).AddSeconds(5),
            JobRunState = JobRunStates.Running,
            NumberOfWorkers = 2,
            Coordinator = "build-7:4242",
            Tasks = 4,
            TasksSucceeded = 1,
        });
    }
}
