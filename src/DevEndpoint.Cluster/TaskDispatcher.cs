using System.Diagnostics;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace DevEndpoint.Cluster;

/// <summary>What a task gave back, and where it ran.</summary>
internal sealed record TaskOutcome(string ResultJson, string Worker, int Attempt);

/// <summary>
/// Sends a run's tasks to the workers (each attempt's grain placed on the least busy live worker) and waits for them,
/// telling progress as lines. A task whose worker is lost (its silo refuses connections, the cluster declared it dead, its
/// grain no longer knows its task, its calls keep failing) is sent again under a new key, up to <see cref="MaxAttempts"/>
/// times; a task that fails on bad input fails the run at once. An attempt sent again may still be running on a live
/// worker: each attempt stages apart, and only the accepted one's output is committed.
/// </summary>
internal sealed class TaskDispatcher(IClusterClient client, TextWriter progress)
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The live workers (each task is placed on one explicitly) and the lost ones: a task on a lost worker is sent again
    /// as soon as it is found lost, without waiting for its calls to time out. Without it, Orleans places the tasks and
    /// only failed or unanswered calls tell a lost worker.
    /// </summary>
    public DeadWorkers? Deaths { get; init; }

    /// <summary>
    /// How long a start or a poll (short calls) waits for its answer before the worker is checked: a call through a
    /// gateway that died is never answered (the Orleans client fails it only after its 15 s response timeout).
    /// </summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait before attempt <c>n + 1</c> is <c>n</c> times this, unless the worker was found lost.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a start unanswered on a worker that accepts connections is sent.</summary>
    private const int MaxStarts = 5;

    /// <summary>How many polls in a row may fail on a worker that accepts connections before its task is sent elsewhere.</summary>
    private const int MaxPollFailures = 5;

    /// <summary>Attempts given up on while their workers were up, which the run waits out.</summary>
    private readonly List<Task> stragglers = [];

    /// <summary>This run's tasks by the worker they were placed on, to place each on the least busy live worker.</summary>
    private readonly Dictionary<string, int> running = new(StringComparer.Ordinal);

    /// <summary>Told of each task done, with where it ran.</summary>
    public Action<TaskOutcome>? Done { get; init; }

    /// <summary>Told of each task sent again because its worker left.</summary>
    public Action? Retried { get; init; }

    /// <param name="request">The request of task <c>i</c> (0-based) at attempt <c>a</c> (1-based), as JSON.</param>
    /// <remarks>
    /// When a task fails, the others still run to their end before the failure is reported, and an attempt given up on a
    /// worker that is not lost is waited for too, so that nothing a worker writes for this run comes after the caller
    /// cleans up.
    /// </remarks>
    public async Task<IReadOnlyList<TaskOutcome>> RunAsync(
        string run, string what, string kind, int count, Func<int, int, string> request, CancellationToken cancellationToken = default)
    {
        var tasks = Enumerable.Range(0, count).Select(i => RunOneAsync(run, what, kind, i, count, request, cancellationToken)).ToList();
        try
        {
            return await Task.WhenAll(tasks);
        }
        catch (Exception) when (tasks.Select(t => t.Exception?.GetBaseException()).FirstOrDefault(e => e is DevEndpointException) is { } failure)
        {
            throw failure;
        }
        finally
        {
            await Task.WhenAll(TakeStragglers());
        }
    }

    private async Task<TaskOutcome> RunOneAsync(
        string run, string what, string kind, int i, int count, Func<int, int, string> request, CancellationToken cancellationToken)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{what} task {i + 1}/{count}");
        for (var attempt = 1; ; attempt++)
        {
            var grain = client.GetGrain<ITaskGrain>(string.Create(CultureInfo.InvariantCulture, $"{run}/{i + 1}/{attempt}"));
            var target = Place();
            var (outcome, worker) = await AttemptAsync(grain, kind, request(i, attempt), target, label, attempt, cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }

            worker ??= target?.Name;
            var lost = worker is not null && Deaths is not null && await Deaths.CheckAsync(worker);
            if (!lost && worker is not null)
            {
                // Given up on, but its worker is up: the attempt may still run there, so the run waits for its end.
                AddStraggler(WaitOutAsync(grain, worker));
            }

            if (attempt == MaxAttempts)
            {
                throw new DevEndpointException(
                    $"{label} was lost {MaxAttempts} times (the workers running it left the cluster), so the run commits nothing. Check the workers and run it again.");
            }

            Tell($"{label}: {worker ?? "its worker"} is gone; sending it to another worker");
            Retried?.Invoke();

            // A worker found lost (its port closed, or declared dead) is out of placement already: send the task again at
            // once. Otherwise the call failed on its way (a gateway or a directory entry on a worker being lost): wait a little.
            await Task.Delay(lost ? TimeSpan.Zero : RetryDelay * attempt, cancellationToken);
        }
    }

    /// <summary>
    /// One attempt of a task on <paramref name="target"/>: its outcome once done, or <c>null</c> with the worker it started
    /// on (if any) when its calls failed because that worker left the cluster or is leaving.
    /// </summary>
    private async Task<(TaskOutcome? Outcome, string? Worker)> AttemptAsync(
        ITaskGrain grain, string kind, string request, (string Name, SiloAddress Silo)? target, string label, int attempt,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? worker = null;
        try
        {
            worker = await StartAsync(grain, kind, request, target, cancellationToken);
            if (worker is null)
            {
                return (null, null);
            }

            Tell($"{label} started on {worker}{(attempt > 1 ? $" (attempt {attempt})" : string.Empty)}");
            var poll = await WaitAsync(grain, worker, cancellationToken);
            if (poll is { Error: { } error })
            {
                throw new DevEndpointException($"{label} failed on {worker}: {error}");
            }

            if (poll is null)
            {
                return (null, worker);
            }

            Tell(string.Create(CultureInfo.InvariantCulture, $"{label} done on {worker} in {clock.Elapsed.TotalSeconds:0.0} s"));
            var outcome = new TaskOutcome(poll.ResultJson!, worker, attempt);
            Done?.Invoke(outcome);
            return (outcome, worker);
        }
        catch (Exception e) when (e is not DevEndpointException and not OperationCanceledException)
        {
            // The call failed: its worker left the cluster, or is leaving.
            return (null, worker);
        }
        finally
        {
            Release(target);
        }
    }

    /// <summary>The live worker with the fewest of this run's tasks, to place the next one on; <c>null</c> to let Orleans place it.</summary>
    private (string Name, SiloAddress Silo)? Place()
    {
        if (Deaths?.Live() is not { Count: > 0 } live)
        {
            return null;
        }

        lock (running)
        {
            var target = live.MinBy(w => running.GetValueOrDefault(w.Name));
            running[target.Name] = running.GetValueOrDefault(target.Name) + 1;
            return target;
        }
    }

    private void Release((string Name, SiloAddress Silo)? target)
    {
        if (target is { Name: var name })
        {
            lock (running)
            {
                running[name]--;
            }
        }
    }

    /// <summary>
    /// Starts the task on <paramref name="target"/> (Orleans' placement hint; any live worker when <c>null</c>); the
    /// worker's name, or <c>null</c> when the worker it was sent to is lost before it answers. A start unanswered for
    /// <see cref="PollTimeout"/> on a worker that still accepts connections is sent again (a start is idempotent): the
    /// first may have gone through a gateway that died.
    /// </summary>
    private async Task<string?> StartAsync(ITaskGrain grain, string kind, string request, (string Name, SiloAddress Silo)? target, CancellationToken cancellationToken)
    {
        var start = Send(grain, kind, request, target);
        if (Deaths is null)
        {
            return await start;
        }

        for (var sent = 1; !start.IsCompleted; sent++)
        {
            var death = Deaths.NextDeath.WaitAsync(cancellationToken);
            var first = await Task.WhenAny(start, death, Task.Delay(PollTimeout, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (first == start)
            {
                break;
            }

            var lost = target is { Name: var name } && (first == death ? Deaths.IsDead(name) : await Deaths.CheckAsync(name));
            if (lost || (target is null && first == death) || sent == MaxStarts)
            {
                // The start went to a lost worker (or, placed by Orleans, maybe to the one that died): try another.
                Forget(start);
                return null;
            }

            if (first != death)
            {
                Forget(start);
                start = Send(grain, kind, request, target);
            }
        }

        return await start;
    }

    private static Task<string> Send(ITaskGrain grain, string kind, string request, (string Name, SiloAddress Silo)? target) =>
        OnSilo(target?.Silo, () => grain.StartAsync(kind, request));

    /// <summary>Makes a call whose grain, if it has no activation (or Orleans lost track of it), is activated on <paramref name="silo"/>.</summary>
    private static Task<T> OnSilo<T>(SiloAddress? silo, Func<Task<T>> call)
    {
        if (silo is null)
        {
            return call();
        }

        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            return call();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>A call left unanswered to a dead worker: its failure, when it comes, is nobody's news.</summary>
    private static void Forget(Task call) => call.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>
    /// Polls the task until it is done: its last poll, or <c>null</c> when its worker is gone (found lost, its grain no
    /// longer knows the task, or its polls failed <see cref="MaxPollFailures"/> times in a row). A poll that fails or goes
    /// unanswered for <see cref="PollTimeout"/> has the worker checked: a closed port means it is lost at once.
    /// </summary>
    private async Task<TaskPoll?> WaitAsync(ITaskGrain grain, string worker, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var death = Deaths?.WhenDeadAsync(worker, stop.Token) ?? Task.Delay(Timeout.Infinite, stop.Token);
        try
        {
            for (var failures = 0; ;)
            {
                var poll = PollLaterAsync(grain, worker, cancellationToken);
                if (await Task.WhenAny(poll, death) == death)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Forget(poll);
                    return null;
                }

                TaskPoll answer;
                try
                {
                    answer = await poll;
                    failures = 0;
                }
                catch (Exception e) when (Deaths is not null && e is not OperationCanceledException)
                {
                    if (await Deaths.CheckAsync(worker) || ++failures == MaxPollFailures)
                    {
                        return null;
                    }

                    continue;
                }

                if (!answer.Known)
                {
                    return null;
                }

                if (answer.Done)
                {
                    return answer;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await death.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Polls after <see cref="PollInterval"/>. The poll carries the worker's silo as placement hint: when the worker that
    /// held the grain's directory entry dies, Orleans forgets where the grain lives and activates it anew, on that worker
    /// again, which still holds the task.
    /// </summary>
    private async Task<TaskPoll> PollLaterAsync(ITaskGrain grain, string worker, CancellationToken cancellationToken)
    {
        await Task.Delay(PollInterval, cancellationToken);
        var call = OnSilo(Deaths?.SiloOf(worker), grain.PollAsync);
        try
        {
            return await call.WaitAsync(PollTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Forget(call);
            throw;
        }
    }

    private void AddStraggler(Task straggler)
    {
        lock (stragglers)
        {
            stragglers.Add(straggler);
        }
    }

    private List<Task> TakeStragglers()
    {
        lock (stragglers)
        {
            var taken = stragglers.ToList();
            stragglers.Clear();
            return taken;
        }
    }

    /// <summary>Waits until an attempt given up on ends: it is done, its grain does not know it, its worker is lost or stops answering.</summary>
    private async Task WaitOutAsync(ITaskGrain grain, string worker)
    {
        for (var failures = 0; failures < MaxPollFailures && Deaths?.IsDead(worker) != true;)
        {
            try
            {
                if (await PollLaterAsync(grain, worker, CancellationToken.None) is { Known: false } or { Done: true })
                {
                    return;
                }

                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
            }
        }
    }

    private void Tell(string line)
    {
        lock (progress)
        {
            progress.WriteLine(line);
            progress.Flush();
        }
    }
}
