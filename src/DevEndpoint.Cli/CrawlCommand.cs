using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Cli;

internal static class CrawlCommand
{
    public static Command Create(TextWriter output)
    {
        var path = new Argument<string>("path") { Description = "The folder to crawl." };
        var database = new Option<string>("--database") { Description = "The catalog database that receives the tables (created when missing).", Required = true };
        var exclude = new Option<string[]>("--exclude") { Description = "A glob of files or folders to leave out, relative to the path (repeatable): * one level, ** any depth." };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("crawl", "Crawl a folder: classify files, infer schemas and partitions, and record tables in the catalog.")
        {
            path, database, exclude, catalog, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var crawler = new Crawler(DataCatalog.Open(parse.GetValue(catalog)));
            var result = await crawler.CrawlAsync(
                new CrawlOptions { Path = parse.GetValue(path)!, Database = parse.GetValue(database)!, Exclusions = parse.GetValue(exclude) ?? [] },
                cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CatalogJson.Serialize(result, indented: true));
                return 0;
            }

            var run = result.Run;
            await output.WriteLineAsync(
                $"Crawled {run.Location} into database '{run.DatabaseName}' in {run.Duration.TotalSeconds:0.00} s (run {run.RunId}).");
            await output.WriteLineAsync(
                $"Tables: {run.TablesCreated} created, {run.TablesUpdated} updated, {run.TablesUnchanged} unchanged. Partitions added: {run.PartitionsAdded}. Files read: {run.FilesScanned - result.SkippedFiles.Count(s => !s.Reason.StartsWith("hidden", StringComparison.Ordinal))}, skipped: {result.SkippedFiles.Count}, excluded: {run.FilesExcluded}.");
            TextTable.Write(
                output,
                ["table", "change", "classification", "columns", "partitions", "files", "records"],
                result.Tables.Select(t => new[] { t.Name, t.Change.ToString().ToLowerInvariant(), t.Classification, $"{t.Columns}", $"{t.Partitions}", $"{t.Files}", $"{t.RecordCount}" }));
            if (result.SkippedFiles.Count > 0)
            {
                await output.WriteLineAsync("Skipped files:");
                foreach (var skipped in result.SkippedFiles)
                {
                    await output.WriteLineAsync($"  {skipped.Path}: {skipped.Reason}");
                }
            }

            return 0;
        });
        return command;
    }
}
