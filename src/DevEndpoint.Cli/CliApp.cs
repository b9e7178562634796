using System.CommandLine;
using DevEndpoint.Catalog;

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
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DevEndpointException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
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
