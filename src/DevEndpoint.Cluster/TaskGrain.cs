namespace DevEndpoint.Cluster;

/// <summary>Runs a crawl or job task on the worker it was placed on (see <see cref="ITaskGrain"/>).</summary>
internal sealed class TaskGrain(WorkerInfo worker) : Grain, ITaskGrain
{
    private Task<string>? work;

    public Task<string> StartAsync(string kind, string requestJson)
    {
        if (work is null)
        {
            var key = this.GetPrimaryKeyString();
            worker.Log($"task {key} started");
            work = Task.Run(async () =>
            {
                var result = kind switch
                {
                    TaskKinds.Crawl => await CrawlTasks.RunAsync(requestJson),
                    TaskKinds.List => await CrawlTasks.ListAsync(requestJson),
                    TaskKinds.Job => await worker.RunJobTaskAsync(() => JobTasks.RunAsync(requestJson)),
                    _ => throw new DevEndpointException($"Unknown task kind '{kind}'."),
                };
                worker.Log($"task {key} done");
                return result;
            });
        }

        return Task.FromResult(worker.Name);
    }

    public Task<TaskPoll> PollAsync() => Task.FromResult(work switch
    {
        null => new TaskPoll(false, false, null, null),
        { IsCompletedSuccessfully: true } => new TaskPoll(true, true, work.Result, null),
        { IsFaulted: true } => new TaskPoll(true, true, null, Reason(work.Exception!.GetBaseException())),
        { IsCanceled: true } => new TaskPoll(true, true, null, "the task was cancelled"),
        _ => new TaskPoll(true, false, null, null),
    });

    /// <summary>What went wrong, for the coordinator to show: a bad input's own message, else the exception's.</summary>
    private static string Reason(Exception e) => e is DevEndpointException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}

/// <summary>The kinds of task a worker runs.</summary>
internal static class TaskKinds
{
    public const string Crawl = "crawl";

    /// <summary>A share of a crawl's listing: subtrees to list and classify.</summary>
    public const string List = "list";

    public const string Job = "job";
}

/// <summary>Who this worker is, for the coordinator's progress lines, where it reports what it runs, and its job task slots.</summary>
internal sealed class WorkerInfo(string name, TextWriter log) : IDisposable
{
    /// <summary>
    /// Job tasks (CPU-bound: load, transform, stage) run one a core; the others wait their turn. So a worker answers the
    /// coordinator's calls at once however many tasks it was given, and a worker lost midway loses only the tasks it was
    /// running: those waiting are sent elsewhere with nothing to redo.
    /// </summary>
    private readonly SemaphoreSlim jobSlots = new(Environment.ProcessorCount);

    public string Name { get; } = name;

    public async Task<string> RunJobTaskAsync(Func<Task<string>> task)
    {
        await jobSlots.WaitAsync();
        try
        {
            return await task();
        }
        finally
        {
            jobSlots.Release();
        }
    }

    public void Dispose() => jobSlots.Dispose();

    public void Log(string line)
    {
        lock (log)
        {
            log.WriteLine($"{Name}: {line}");
            log.Flush();
        }
    }
}
