using System.CommandLine;
using DevEndpoint.Commands;
using DevEndpoint.Connections;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Cli;

/// <summary>
/// The <c>devendpoint</c> command. Its commands, options and <c>--json</c> shapes are a contract other tools rely on:
/// change them only by adding.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Root(output);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // Usage errors go to stderr only, so scripts reading stdout never mistake help text for output.
                foreach (var problem in CliUsage.Problems(parse))
                {
                    await error.WriteLineAsync($"error: {problem}");
                }

                await error.WriteLineAsync($"Run '{CliUsage.CommandPath(parse.CommandResult)} --help' for its usage.");
                return 2;
            }

            if (JitCopy.HandsOver(parse))
            {
                return await JitCopy.RunAsync(CliUsage.CommandPath(parse.CommandResult), JitCopy.DefaultPath, args, output, error);
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DevEndpointException e)
        {
            await error.WriteLineAsync($"error: {SecretMask.Apply(e.Message)}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            // The environment failed (a disk, a permission, a database file): say what, never with a stack trace.
            await error.WriteLineAsync($"error: {SecretMask.Apply(e.Message)}");
            return 1;
        }
    }

    /// <summary>The command and its subcommands, writing what they print to <paramref name="output"/>.</summary>
    internal static RootCommand Root(TextWriter output)
    {
        var root = new RootCommand("DevEndpoint: crawl data into a Glue-style catalog, browse it and load tables.");
        root.Subcommands.Add(CrawlCommand.Create(output));
        root.Subcommands.Add(CatalogCommands.Create(output));
        root.Subcommands.Add(LoadCommand.Create(output));
        root.Subcommands.Add(WriteCommand.Create(output));
        root.Subcommands.Add(SampleDataCommand.Create(output));
        root.Subcommands.Add(ClassifierCommands.Create(output));
        root.Subcommands.Add(BookmarkCommands.Create(output));
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ClusterCommands.Worker());
        root.Subcommands.Add(ClusterCommands.Job(output));
        root.Subcommands.Add(ConnectionCommands.Create(output));
        root.Subcommands.Add(PiiCommand.Create(output));
        root.Subcommands.Add(MLCommands.Create(output));
        root.Subcommands.Add(SqlCommand.Create(output));
        root.Subcommands.Add(ProfileCommand.Create(output));
        root.Subcommands.Add(DataQualityCommands.Create(output));
        return root;
    }

    /// <summary>The <c>--catalog</c> option every command takes.</summary>
    internal static Option<string?> CatalogOption() => CliDescriptions.Option<string?>(CommonOptions.Catalog);

    /// <summary>
    /// The <c>--json</c> option: JSON in Glue's API shapes, or, for a command Glue has no API for, in DevEndpoint's own
    /// (<paramref name="glueShapes"/> false).
    /// </summary>
    internal static Option<bool> JsonOption(bool glueShapes = true) => CliDescriptions.Option<bool>(glueShapes ? CommonOptions.Json : CommonOptions.JsonOwnShape);
}
