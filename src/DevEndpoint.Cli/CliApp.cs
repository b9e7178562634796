using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Cli;

/// <summary>
/// The <c>devendpoint</c> command. Its commands, options and <c>--json</c> shapes are a contract other tools rely on:
/// change them only by adding.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("DevEndpoint: crawl data into a Glue-style catalog, browse it and load tables.");
        root.Subcommands.Add(CrawlCommand.Create(output));
        root.Subcommands.Add(CatalogCommands.Create(output));
        root.Subcommands.Add(LoadCommand.Create(output));
        root.Subcommands.Add(SampleDataCommand.Create(output));
        root.Subcommands.Add(ClassifierCommands.Create(output));
        root.Subcommands.Add(BookmarkCommands.Create(output));
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ConnectionCommands.Create(output));
        root.Subcommands.Add(MLCommands.Create(output));
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // Usage errors go to stderr only, so scripts reading stdout never mistake help text for output.
                foreach (var problem in parse.Errors)
                {
                    await error.WriteLineAsync($"error: {problem.Message}");
                }

                await error.WriteLineAsync($"Run '{CommandPath(parse.CommandResult)} --help' for its usage.");
                return 2;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DevEndpointException e)
        {
            await error.WriteLineAsync($"error: {SecretMask.Apply(e.Message)}");
            return 1;
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, current.Command is RootCommand ? "devendpoint" : current.Command.Name);
        }

        return names.Count == 0 ? "devendpoint" : string.Join(' ', names);
    }

    /// <summary>The <c>--catalog</c> option every command takes.</summary>
    internal static Option<string?> CatalogOption() => new("--catalog")
    {
        Description = $"The catalog file (default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).",
    };

    internal static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print JSON in Glue's API shapes instead of text.",
    };
}
