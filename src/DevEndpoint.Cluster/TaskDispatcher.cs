using System.Diagnostics;
using System.Globalization;

namespace DevEndpoint.Cluster;

/// <summary>What a task gave back, and where it ran.</summary>
internal sealed record TaskOutcome(string ResultJson, string Worker, int Attempt);

/// <summary>
/// Sends a run's tasks to the workers (Orleans places each attempt's grain) and waits for them, telling progress as lines.
/// A task whose worker is lost (declared dead by the cluster's failure detection, a call unanswered, a grain that no
/// longer knows its task) is sent again under a new key, up to <see cref="MaxAttempts"/> times; a task that fails on bad
/// input fails the run at once.
/// </summary>
internal sealed class TaskDispatcher(IClusterClient client, TextWriter progress)
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The workers the cluster declares dead: a task on one is sent again as soon as it is declared, without waiting for
    /// its calls to time out. Without it, only unanswered calls tell a lost worker.
    /// </summary>
    public DeadWorkers? Deaths { get; init; }

    /// <summary>How long a start still waits for its answer once some worker was declared dead meanwhile.</summary>
    public TimeSpan StartGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Told of each task done, with where it ran.</summary>
    public Action<TaskOutcome>? Done { get; init; }

    /// <summary>Told of each task sent again because its worker left.</summary>
    public Action? Retried { get; init; }

    /// <param name="request">The request of task <c>i</c> (0-based) at attempt <c>a</c> (1-based), as JSON.</param>
    /// <remarks>
    /// When a task fails, the others still run to their end before the failure is reported, so that nothing a worker
    /// writes for this run comes after the caller cleans up.
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
    }

    private async Task<TaskOutcome> RunOneAsync(
        string run, string what, string kind, int i, int count, Func<int, int, string> request, CancellationToken cancellationToken)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{what} task {i + 1}/{count}");
        for (var attempt = 1; ; attempt++)
        {
            var grain = client.GetGrain<ITaskGrain>(string.Create(CultureInfo.InvariantCulture, $"{run}/{i + 1}/{attempt}"));
            var clock = Stopwatch.StartNew();
            string? worker = null;
            try
            {
                worker = await StartAsync(grain, kind, request(i, attempt), cancellationToken);
                if (worker is not null)
                {
                    Tell($"{label} started on {worker}{(attempt > 1 ? $" (attempt {attempt})" : string.Empty)}");
                    var poll = await WaitAsync(grain, worker, cancellationToken);
                    if (poll is { Error: { } error })
                    {
                        throw new DevEndpointException($"{label} failed on {worker}: {error}");
                    }

                    if (poll is not null)
                    {
                        Tell(string.Create(CultureInfo.InvariantCulture, $"{label} done on {worker} in {clock.Elapsed.TotalSeconds:0.0} s"));
                        var outcome = new TaskOutcome(poll.ResultJson!, worker, attempt);
                        Done?.Invoke(outcome);
                        return outcome;
                    }
                }
            }
            catch (Exception e) when (e is not DevEndpointException and not OperationCanceledException)
            {
                // The worker did not answer: it left the cluster, or is leaving.
            }

            if (attempt == MaxAttempts)
            {
                throw new DevEndpointException(
                    $"{label} was lost {MaxAttempts} times (the workers running it left the cluster), so the run commits nothing. Check the workers and run it again.");
            }

            Tell($"{label}: {worker ?? "its worker"} is gone; sending it to another worker");
            Retried?.Invoke();

            // A worker the cluster declared dead is out of placement already: send the task again at once.
            var declared = worker is not null && Deaths?.IsDead(worker) == true;
            await Task.Delay(declared ? TimeSpan.Zero : TimeSpan.FromSeconds(attempt), cancellationToken);
        }
    }

    /// <summary>
    /// Starts the task; the worker's name, or <c>null</c> when a worker was declared dead while the call went unanswered
    /// (it was placed on that worker), after a moment's grace for an answer from a live one.
    /// </summary>
    private async Task<string?> StartAsync(ITaskGrain grain, string kind, string request, CancellationToken cancellationToken)
    {
        var start = grain.StartAsync(kind, request);
        if (Deaths is null)
        {
            return await start;
        }

        if (await Task.WhenAny(start, Deaths.NextDeath.WaitAsync(cancellationToken)) != start)
        {
            await Task.WhenAny(start, Task.Delay(StartGrace, cancellationToken));
        }

        if (start.IsCompleted)
        {
            return await start;
        }

        Forget(start);
        return null;
    }

    /// <summary>A call left unanswered to a dead worker: its failure, when it comes, is nobody's news.</summary>
    private static void Forget(Task call) => call.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Polls the task until it is done: its last poll, or <c>null</c> when its worker is gone (declared dead, or its grain no longer knows the task).</summary>
    private async Task<TaskPoll?> WaitAsync(ITaskGrain grain, string worker, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var death = Deaths?.WhenDeadAsync(worker, stop.Token) ?? Task.Delay(Timeout.Infinite, stop.Token);
        try
        {
            while (true)
            {
                var poll = PollLaterAsync(grain, cancellationToken);
                if (await Task.WhenAny(poll, death) == death)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Forget(poll);
                    return null;
                }

                var answer = await poll;
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

    private async Task<TaskPoll> PollLaterAsync(ITaskGrain grain, CancellationToken cancellationToken)
    {
        await Task.Delay(PollInterval, cancellationToken);
        return await grain.PollAsync();
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
