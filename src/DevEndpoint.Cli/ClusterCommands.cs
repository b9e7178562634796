using System.CommandLine;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint worker</c>, <c>devendpoint job run</c> and <c>devendpoint crawl ... --cluster</c>: checked here, then run
/// by the cluster executable that ships beside this command (<c>cluster/DevEndpoint.Cluster.dll</c>, which carries
/// Orleans so that this command does not), with the same arguments.
/// </summary>
internal static class ClusterCommands
{
    /// <summary>The folder beside the command that holds the cluster executable and what it needs.</summary>
    public const string Folder = "cluster";

    public const string Executable = "DevEndpoint.Cluster.dll";

    public static Command Worker()
    {
        var command = CliDescriptions.Command(
            ClusterDescriptions.Worker,
            CliDescriptions.Option<string>(ClusterDescriptions.RequiredCluster),
            CliDescriptions.Option<string?>(ClusterDescriptions.WorkerName),
            CliDescriptions.Option<string?>(ClusterDescriptions.WorkerAddress));
        command.SetAction((parse, cancellationToken) => ForwardAsync(parse, "devendpoint worker", cancellationToken));
        return command;
    }

    public static Command Job(TextWriter output)
    {
        var run = CliDescriptions.Command(
            ClusterDescriptions.JobRun,
            CliDescriptions.Option<string>(ClusterDescriptions.Source),
            CliDescriptions.Option<string>(ClusterDescriptions.Transform),
            CliDescriptions.Option<string>(ClusterDescriptions.To),
            CliDescriptions.Option<string?>(ClusterDescriptions.Format),
            CliDescriptions.Option<string?>(ClusterDescriptions.PartitionBy),
            CliDescriptions.Option<string?>(ClusterDescriptions.Table),
            CliDescriptions.Option<string?>(ClusterDescriptions.Bookmark),
            CliDescriptions.Option<string?>(ClusterDescriptions.Mode),
            CliApp.CatalogOption(),
            CliDescriptions.Option<string?>(ClusterDescriptions.Cluster));
        run.SetAction((parse, cancellationToken) => ForwardAsync(parse, "devendpoint job run", cancellationToken));
        var command = CliDescriptions.Command(ClusterDescriptions.JobGroup);
        command.Subcommands.Add(run);
        command.Subcommands.Add(JobRunsCommands.Status(output));
        command.Subcommands.Add(JobRunsCommands.List(output));
        return command;
    }

    /// <summary>Runs the command line as it was given in the cluster executable; returns its exit code.</summary>
    public static Task<int> ForwardAsync(ParseResult parse, string what, CancellationToken cancellationToken) =>
        RunCommand.StartAsync(Folder, Executable, what, parse.Tokens.Select(t => t.Value), cancellationToken);
}
