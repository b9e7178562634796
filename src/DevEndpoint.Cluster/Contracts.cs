namespace DevEndpoint.Cluster;

/// <summary>What the coordinator learns when it asks a task grain how its task goes.</summary>
/// <param name="Known">Whether this activation holds the task (false: the worker that held it is gone).</param>
/// <param name="ResultJson">The task's result as JSON, once it is done without an error.</param>
/// <param name="Error">Why the task failed (bad input: it fails the run, it is not retried).</param>
[GenerateSerializer]
[Immutable]
internal sealed record TaskPoll(
    [property: Id(0)] bool Known,
    [property: Id(1)] bool Done,
    [property: Id(2)] string? ResultJson,
    [property: Id(3)] string? Error);

/// <summary>
/// One task of a distributed crawl or job on a worker, keyed by run, task and attempt: started once, then polled until
/// done. The work runs beside the grain's turns, so polls answer while it runs.
/// </summary>
internal interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>Starts the task (once; a second call does nothing) and returns the name of the worker that runs it.</summary>
    Task<string> StartAsync(string kind, string requestJson);

    Task<TaskPoll> PollAsync();
}
