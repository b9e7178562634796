using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Sources;

namespace DevEndpoint.Cli;

internal static partial class CrawlCommand
{
    public static Command Create(TextWriter output)
    {
        var path = new Argument<string?>("path") { Description = "The folder to crawl, or an object store prefix s3://bucket/prefix with --connection (none for a database connection: give --include).", Arity = ArgumentArity.ZeroOrOne };
        var database = new Option<string>("--database") { Description = "The catalog database that receives the tables (created when missing).", Required = true };
        var exclude = new Option<string[]>("--exclude") { Description = "A glob of files or folders to leave out, relative to the path (repeatable): * one level, ** any depth." };
        var tableLevel = new Option<int?>("--table-level") { Description = "The folder depth at which tables start: 1 is the path itself, 2 its subfolders; deeper folders are partitions (default: found from the files' schemas)." };
        var combine = new Option<bool>("--combine-compatible-schemas") { Description = "Make one table per format for the whole path, with the union of the files' columns." };
        var newFoldersOnly = new Option<bool>("--new-folders-only") { Description = "Read only folders that earlier crawls of this path into this database did not catalogue; nothing is deprecated or deleted." };
        var schemaChange = new Option<string>("--schema-change") { Description = "When a table's schema changed: update (default) the table, or log the change and keep the table." };
        var deleteBehavior = new Option<string>("--delete-behavior") { Description = "For tables and partitions whose files vanished: deprecate (default; marks the table DEPRECATED_BY_CRAWLER), delete, or log." };
        var sampleBytes = new Option<long?>("--sample-bytes") { Description = "Decompressed bytes read from the start of each text file to infer its schema (default 1048576)." };
        var sampleRows = new Option<long?>("--sample-rows") { Description = "Records read from the start of each text file to infer its schema (default 10000)." };
        var sampleFiles = new Option<string>("--sample-files") { Description = "How many files of each folder are read to classify them and infer their schema: that many, spread evenly over the folder's files in name order, the first and the last included (default: every file). Files not read count in their table's objectCount and sizeKey but are not checked, so a bad one among them is not reported." };
        var classifier = new Option<string[]>("--classifier") { Description = "A custom classifier of the catalog to try before the built-in ones (repeatable, in order); see devendpoint classifier add." };
        var connection = new Option<string?>("--connection") { Description = "A database connection of the catalog to crawl instead of a folder, or for an s3:// path the s3 connection to read it through (see devendpoint connection add)." };
        var include = new Option<string[]>("--include") { Description = "With --connection: the tables to read (repeatable), as database/schema/table (PostgreSQL), database/table (MySQL) or schema/table (SQLite, main/%); % matches any name." };
        var detectPii = new Option<bool>(PiiSettings.DetectPii.Option) { Description = PiiSettings.DetectPii.Description };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("crawl", "Crawl a folder or an s3:// prefix (classify files, infer schemas and partitions) or a database connection (tables and views), and record tables in the catalog.")
        {
            path, database, exclude, tableLevel, combine, newFoldersOnly, schemaChange, deleteBehavior, sampleBytes, sampleRows, sampleFiles, classifier, connection, include, detectPii, catalog, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new CrawlRequest
            {
                Path = parse.GetValue(path),
                Connection = parse.GetValue(connection),
                Database = parse.GetValue(database)!,
                Includes = parse.GetValue(include) ?? [],
                Exclusions = parse.GetValue(exclude) ?? [],
                Classifiers = parse.GetValue(classifier) ?? [],
                TableLevel = parse.GetValue(tableLevel),
                CombineCompatibleSchemas = parse.GetValue(combine),
                NewFoldersOnly = parse.GetValue(newFoldersOnly),
                SchemaChange = parse.GetValue(schemaChange) is { } change ? CrawlPolicies.ParseSchemaChange(change) : SchemaChangePolicy.Update,
                DeleteBehavior = parse.GetValue(deleteBehavior) is { } behavior ? CrawlPolicies.ParseDeleteBehavior(behavior) : DeleteBehavior.Deprecate,
            };
            if (request.IsDatabase)
            {
                return await CrawlDatabaseAsync(output, parse, request, detectPii, catalog, json, cancellationToken);
            }

            request = request with
            {
                Sample = SampleOptions.Create(parse.GetValue(sampleBytes), parse.GetValue(sampleRows)),
                SampleFiles = CrawlOptions.ParseSampleFiles(parse.GetValue(sampleFiles)),
            };
            request.Validate();
            var store = DataCatalog.Open(parse.GetValue(catalog));
            var result = await request.RunAsync(store, cancellationToken: cancellationToken);
            var pii = parse.GetValue(detectPii) ? await SensitiveData.RecordCrawlAsync(store, result, cancellationToken: cancellationToken) : null;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CatalogJson.Serialize(result, indented: true));
                return 0;
            }

            var run = result.Run;
            await output.WriteLineAsync(
                $"Crawled {run.Location} into database '{run.DatabaseName}' in {run.Duration.TotalSeconds:0.00} s (run {run.RunId}).");
            await output.WriteLineAsync(
                $"Tables: {run.TablesCreated} created, {run.TablesUpdated} updated, {run.TablesUnchanged} unchanged. Partitions added: {run.PartitionsAdded}. Files read: {run.FilesClassified}, skipped: {result.SkippedFiles.Count}, excluded: {run.FilesExcluded}.{CrawlRunTable.Sampling(run)}");
            if (run.TablesDeprecated + run.TablesDeleted + run.PartitionsDeleted > 0)
            {
                await output.WriteLineAsync($"Vanished tables: {run.TablesDeprecated} deprecated, {run.TablesDeleted} deleted. Vanished partitions removed: {run.PartitionsDeleted}.");
            }

            TextTable.Write(
                output,
                ["table", "change", "classification", "columns", "partitions", "files", "records"],
                result.Tables.Select(t => new[] { t.Name, t.Change.ToString().ToLowerInvariant(), t.Classification, $"{t.Columns}", $"{t.Partitions}", $"{t.Files}", $"{t.RecordCount}" }));
            if (result.Notices.Count > 0)
            {
                await output.WriteLineAsync("Reported changes:");
                foreach (var notice in result.Notices)
                {
                    await output.WriteLineAsync($"  {notice.Table}: {notice.Message}");
                }
            }

            if (result.SkippedFiles.Count > 0)
            {
                await output.WriteLineAsync("Skipped files:");
                foreach (var skipped in result.SkippedFiles)
                {
                    await output.WriteLineAsync($"  {skipped.Path}: {skipped.Reason}");
                }
            }

            await WriteSensitiveDataAsync(output, pii);
            return 0;
        });
        return command;
    }

    /// <summary>What <c>--detect-pii</c> recorded, under the crawl's report; nothing without it.</summary>
    private static async Task WriteSensitiveDataAsync(TextWriter output, IReadOnlyList<PiiTableRecord>? records)
    {
        if (records is null)
        {
            return;
        }

        await output.WriteLineAsync($"Sensitive data ({SensitiveData.EntityTypesParameter} recorded on the columns):");
        foreach (var line in SensitiveData.DescribeCrawl(records))
        {
            await output.WriteLineAsync($"  {line}");
        }
    }
}
