using System.Diagnostics;
using System.Globalization;

namespace DevEndpoint.Cluster;

/// <summary>What a task gave back, and where it ran.</summary>
internal sealed record TaskOutcome(string ResultJson, string Worker, int Attempt);

/// <summary>
/// Sends a run's tasks to the workers (Orleans places each attempt's grain) and waits for them, telling progress as lines.
/// A task whose worker is lost (a call unanswered, a grain that no longer knows its task) is sent again under a new key,
/// up to <see cref="MaxAttempts"/> times; a task that fails on bad input fails the run at once.
/// </summary>
internal sealed class TaskDispatcher(IClusterClient client, TextWriter progress)
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

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
                worker = await grain.StartAsync(kind, request(i, attempt));
                Tell($"{label} started on {worker}{(attempt > 1 ? $" (attempt {attempt})" : string.Empty)}");
                while (true)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                    var poll = await grain.PollAsync();
                    if (!poll.Known)
                    {
                        break;
                    }

                    if (poll.Done)
                    {
                        if (poll.Error is { } error)
                        {
                            throw new DevEndpointException($"{label} failed on {worker}: {error}");
                        }

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
            await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
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
