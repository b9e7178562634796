namespace DevEndpoint.Cli;

/// <summary>Why <c>devendpoint run</c> stops, with the exit code that says so (see <see cref="RunCommand.ExitCodes"/>).</summary>
internal sealed class RunFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static RunFailure Usage(string message) => new(RunCommand.UsageError, message);

    public static RunFailure Unreadable(string message) => new(RunCommand.NotebookError, message);
}
