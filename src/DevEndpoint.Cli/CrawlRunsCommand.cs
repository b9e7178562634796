using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli;

/// <summary><c>devendpoint catalog runs [&lt;database&gt;]</c>: the crawl history with its metrics, newest first.</summary>
internal static class CrawlRunsCommand
{
    public static Command Create(TextWriter output)
    {
        var database = new Argument<string?>("database") { Description = "The database whose crawls to list (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("runs", "List crawl runs, newest first: files scanned, bytes read, tables created, updated, deprecated and deleted, duration and skipped files.")
        {
            database, catalog, json,
        };
        command.SetAction(parse =>
        {
            var open = DataCatalog.Open(parse.GetValue(catalog));
            var runs = parse.GetValue(database) is { } name ? open.GetCrawlRuns(name) : open.GetCrawlRuns();
            if (parse.GetValue(json))
            {
                output.WriteLine(CatalogJson.Serialize(new { CrawlRuns = runs }, indented: true));
                return;
            }

            TextTable.Write(
                output,
                ["run", "database", "started", "seconds", "files", "skipped", "bytes read", "created", "updated", "deprecated", "deleted", "location"],
                runs.Select(r => new[]
                {
                    r.RunId,
                    r.DatabaseName,
                    r.StartTime.ToString("u", CultureInfo.InvariantCulture),
                    r.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                    Invariant(r.FilesScanned),
                    Invariant(r.FilesSkipped),
                    Invariant(r.BytesRead),
                    Invariant(r.TablesCreated),
                    Invariant(r.TablesUpdated),
                    Invariant(r.TablesDeprecated),
                    Invariant(r.TablesDeleted),
                    r.Location,
                }));
        });
        return command;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
