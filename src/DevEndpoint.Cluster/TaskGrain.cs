using System.Collections.Concurrent;

namespace DevEndpoint.Cluster;

/// <summary>
/// Runs a crawl or job task on the worker it was placed on (see <see cref="ITaskGrain"/>). The task lives in the worker
/// (<see cref="WorkerInfo"/>), not in the activation: when the worker holding the grain's directory entry dies, Orleans
/// forgets the activation and the next poll makes a new one; placed on the same worker (the coordinator's placement
/// hint), it still finds the task.
/// </summary>
internal sealed class TaskGrain(WorkerInfo worker) : Grain, ITaskGrain
{
    public Task<string> StartAsync(string kind, string requestJson)
    {
        var key = this.GetPrimaryKeyString();
        worker.Start(key, async () =>
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
        return Task.FromResult(worker.Name);
    }

    public Task<TaskPoll> PollAsync()
    {
        var key = this.GetPrimaryKeyString();
        var poll = worker.Find(key) switch
        {
            null => new TaskPoll(false, false, null, null),
            { IsCompletedSuccessfully: true } work => new TaskPoll(true, true, work.Result, null),
            { IsFaulted: true } work => new TaskPoll(true, true, null, Reason(work.Exception!.GetBaseException())),
            { IsCanceled: true } => new TaskPoll(true, true, null, "the task was cancelled"),
            _ => new TaskPoll(true, false, null, null),
        };
        if (poll.Done)
        {
            // The coordinator has its answer (were it lost on the way, the task would be sent again, as any lost task).
            worker.HandBack(key);
        }

        return Task.FromResult(poll);
    }

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

    /// <summary>The tasks started here and not yet handed back, by grain key.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tasks = new(StringComparer.Ordinal);

    /// <summary>The keys of the tasks handed back (their results let go): a late copy of their start does not run them again.</summary>
    private readonly ConcurrentDictionary<string, bool> handedBack = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>Starts the task of <paramref name="key"/> unless it runs already (a start is idempotent).</summary>
    public void Start(string key, Func<Task<string>> work)
    {
        var entry = new Lazy<Task<string>>(() => Task.Run(work));
        if (!handedBack.ContainsKey(key) && tasks.GetOrAdd(key, entry) == entry)
        {
            Log($"task {key} started");
            _ = entry.Value;
        }
    }

    /// <summary>The task of <paramref name="key"/>, or <c>null</c> when this worker does not hold it.</summary>
    public Task<string>? Find(string key) => tasks.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>Lets go of a task the coordinator has the result of.</summary>
    public void HandBack(string key)
    {
        handedBack[key] = true;
        tasks.TryRemove(key, out _);
    }

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
