using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Cli;

/// <summary><c>devendpoint catalog runs [&lt;database&gt;]</c>: the crawl history with its metrics, newest first.</summary>
internal static class CrawlRunsCommand
{
    public static Command Create(TextWriter output)
    {
        var database = new Argument<string?>("database") { Description = "The database whose crawls to list (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("runs", "List crawl runs, newest first: files listed and scanned, bytes read, tables created, updated, deprecated and deleted, duration and skipped files.")
        {
            database, catalog, json,
        };
        command.SetAction(parse =>
        {
            var open = DataCatalog.Open(parse.GetValue(catalog));
            var runs = parse.GetValue(database) is { } name ? open.GetCrawlRuns(name) : open.GetCrawlRuns();
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(GlueResponses.Crawls(runs)));
                return;
            }

            TextTable.Write(output, CrawlRunTable.Header, runs.Select(CrawlRunTable.Row));
        });
        return command;
    }
}
