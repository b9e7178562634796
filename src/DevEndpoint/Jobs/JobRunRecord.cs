using DevEndpoint.Catalog;

namespace DevEndpoint.Jobs;

/// <summary>
/// Keeps a job's run (<see cref="JobRun"/>) in the catalog while the job runs: written when it starts, at most once a
/// second as its tasks finish, every <see cref="JobRun.HeartbeatInterval"/> while nothing changes (the heartbeat that
/// tells a live run from a lost one), and at its end. The success is written by the caller's commit
/// (<see cref="Succeed"/>), in the transaction that stores the output; a failure by <see cref="FailAsync"/>.
/// </summary>
internal sealed class JobRunRecord : IAsyncDisposable
{
    private readonly DataCatalog catalog;
    private readonly CancellationTokenSource stop = new();
    private readonly Task beat;
    private readonly Dictionary<string, int> byWorker = new(StringComparer.Ordinal);
    private JobRun run;
    private bool changed;
    private DateTimeOffset written;

    private JobRunRecord(DataCatalog catalog, JobRun run)
    {
        this.catalog = catalog;
        this.run = run;
        written = run.LastModifiedOn;
        beat = Task.Run(() => BeatAsync(stop.Token));
    }

    public string Id => run.Id;

    /// <summary>Records a new run as <c>RUNNING</c> and starts its heartbeat.</summary>
    public static JobRunRecord Start(DataCatalog catalog, string id, string job, IReadOnlyDictionary<string, string> arguments, int tasks, int workers)
    {
        var now = DateTimeOffset.UtcNow;
        var run = new JobRun
        {
            Id = id,
            JobName = job,
            StartedOn = now,
            LastModifiedOn = now,
            JobRunState = JobRunStates.Running,
            Arguments = arguments,
            NumberOfWorkers = workers,
            Coordinator = $"{Environment.MachineName}:{Environment.ProcessId}",
            Tasks = tasks,
        };
        catalog.RecordJobRun(run);
        return new JobRunRecord(catalog, run);
    }

    /// <summary>A task finished on <paramref name="worker"/>.</summary>
    public void TaskDone(string worker)
    {
        lock (byWorker)
        {
            byWorker[worker] = byWorker.GetValueOrDefault(worker) + 1;
            run = run with { TasksSucceeded = run.TasksSucceeded + 1, TasksByWorker = new Dictionary<string, int>(byWorker) };
            changed = true;
        }
    }

    /// <summary>A task was sent again because its worker left.</summary>
    public void TaskRetried()
    {
        lock (byWorker)
        {
            run = run with { TasksRetried = run.TasksRetried + 1 };
            changed = true;
        }
    }

    /// <summary>Stops the heartbeat, before the commit that records the run's end.</summary>
    public async Task StopHeartbeatAsync()
    {
        await stop.CancelAsync();
        await beat;
    }

    /// <summary>Records the run as succeeded in <paramref name="update"/>, the change set that commits its output.</summary>
    public void Succeed(CatalogUpdate update) => update.PutJobRun(Finished(JobRunStates.Succeeded, null));

    /// <summary>Records the run as failed (or stopped, when cancelled), in a transaction of its own.</summary>
    public async Task FailAsync(Exception failure)
    {
        await StopHeartbeatAsync();
        var state = failure is OperationCanceledException ? JobRunStates.Stopped : JobRunStates.Failed;
        catalog.RecordJobRun(Finished(state, failure is OperationCanceledException ? "The run was stopped before it committed; nothing was written." : failure.Message));
    }

    public async ValueTask DisposeAsync()
    {
        await StopHeartbeatAsync();
        stop.Dispose();
    }

    private JobRun Finished(string state, string? error)
    {
        lock (byWorker)
        {
            var now = DateTimeOffset.UtcNow;
            return run with { JobRunState = state, ErrorMessage = error, LastModifiedOn = now, CompletedOn = now };
        }
    }

    /// <summary>Writes the run once a second when its tasks moved on, and every heartbeat interval in any case.</summary>
    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            JobRun? due = null;
            lock (byWorker)
            {
                var now = DateTimeOffset.UtcNow;
                if (changed || now - written >= JobRun.HeartbeatInterval)
                {
                    due = run = run with { LastModifiedOn = now };
                    (changed, written) = (false, now);
                }
            }

            if (due is not null)
            {
                Beat(due);
            }
        }
    }

    /// <summary>A heartbeat that fails (the catalog busy for a moment) is not the run's failure: the next one tries again.</summary>
    private void Beat(JobRun due)
    {
        try
        {
            catalog.RecordJobRun(due);
        }
        catch (DevEndpointException)
        {
            lock (byWorker)
            {
                changed = true;
            }
        }
    }
}
