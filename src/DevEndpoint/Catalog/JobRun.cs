using System.Globalization;
using System.Text.Json.Serialization;

namespace DevEndpoint.Catalog;

/// <summary>
/// One run of a job (<c>devendpoint job run</c>), in Glue's <c>JobRun</c> shape, with DevEndpoint's task counts beside
/// Glue's members. The process that runs the job writes it when the run starts, as its tasks finish, every
/// <see cref="HeartbeatInterval"/> while it runs (<see cref="LastModifiedOn"/> is the heartbeat), and when it ends: a
/// run that succeeds is marked so in the same catalog transaction as its output and bookmark. A run still
/// <c>STARTING</c> or <c>RUNNING</c> whose heartbeat is older than <see cref="LostAfter"/> is read as <c>FAILED</c>,
/// lost: the process running it died, and it committed nothing.
/// </summary>
public sealed record JobRun
{
    /// <summary>How often the process that runs a job records that it still does.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a running job may go without a heartbeat before it reads as lost.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(60);

    /// <summary>The run's id, as <c>job run</c> printed it.</summary>
    public required string Id { get; init; }

    /// <summary>Glue's attempt number: 0, DevEndpoint does not retry a whole run (its tasks are retried inside it).</summary>
    public int Attempt { get; init; }

    /// <summary>The job's name: the <c>--bookmark</c> job, else the transform's <c>Type.Method</c>.</summary>
    public required string JobName { get; init; }

    public DateTimeOffset StartedOn { get; init; }

    /// <summary>The run's last change, which is also its heartbeat.</summary>
    public DateTimeOffset LastModifiedOn { get; init; }

    public DateTimeOffset? CompletedOn { get; init; }

    /// <summary>One of <see cref="JobRunStates"/>.</summary>
    public required string JobRunState { get; init; }

    /// <summary>The run's options as Glue's job arguments (<c>--source</c>, <c>--transform</c>, <c>--to</c> and the others given).</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the run failed, stopped or was lost.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The seconds the run took (so far, while it runs), as Glue's <c>ExecutionTime</c>.</summary>
    public int ExecutionTime => (int)Math.Max(0, ((CompletedOn ?? LastModifiedOn) - StartedOn).TotalSeconds);

    /// <summary>The workers the run's tasks were spread over (1 for a run in one process).</summary>
    public int? NumberOfWorkers { get; init; }

    /// <summary>DevEndpoint's: the machine and process that runs the job (<c>host:pid</c>), whose heartbeat the run carries.</summary>
    public string? Coordinator { get; init; }

    /// <summary>DevEndpoint's: how many tasks the run has.</summary>
    public int Tasks { get; init; }

    /// <summary>DevEndpoint's: how many of them are done.</summary>
    public int TasksSucceeded { get; init; }

    /// <summary>DevEndpoint's: how many times a task was sent again because its worker left the cluster.</summary>
    public int TasksRetried { get; init; }

    /// <summary>DevEndpoint's: the tasks done on each worker, by worker name.</summary>
    public IReadOnlyDictionary<string, int> TasksByWorker { get; init; } = new Dictionary<string, int>();

    /// <summary>Whether the run has ended (succeeded, failed or stopped).</summary>
    [JsonIgnore]
    public bool IsFinished => JobRunState is JobRunStates.Succeeded or JobRunStates.Failed or JobRunStates.Stopped;

    /// <summary>
    /// The run as it reads at <paramref name="now"/>: one that still runs but whose heartbeat is older than
    /// <see cref="LostAfter"/> is <c>FAILED</c>, completed at its last heartbeat, with an error saying it was lost.
    /// </summary>
    internal JobRun AsOf(DateTimeOffset now) => IsFinished || now - LastModifiedOn <= LostAfter
        ? this
        : this with
        {
            JobRunState = JobRunStates.Failed,
            CompletedOn = LastModifiedOn,
            ErrorMessage = string.Create(
                CultureInfo.InvariantCulture,
                $"Lost: {Coordinator ?? "the process running it"} stopped recording the run at {LastModifiedOn.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (no heartbeat for more than {LostAfter.TotalSeconds:0} s); it committed nothing. Run the job again."),
        };
}

/// <summary>The states of a <see cref="JobRun"/> DevEndpoint uses, Glue's words.</summary>
public static class JobRunStates
{
    public const string Starting = "STARTING";

    public const string Running = "RUNNING";

    public const string Succeeded = "SUCCEEDED";

    public const string Failed = "FAILED";

    public const string Stopped = "STOPPED";
}
