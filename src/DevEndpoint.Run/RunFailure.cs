namespace DevEndpoint.Run;

/// <summary>Why <c>devendpoint run</c> stops, with the exit code that says so (see <see cref="RunJob.ExitCodes"/>).</summary>
internal sealed class RunFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static RunFailure Usage(string message) => new(RunJob.UsageError, message);

    public static RunFailure Unreadable(string message) => new(RunJob.NotebookError, message);
}
