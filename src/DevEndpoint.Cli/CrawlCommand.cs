using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Sources;

namespace DevEndpoint.Cli;

internal static partial class CrawlCommand
{
    public static Command Create(TextWriter output)
    {
        var path = CliDescriptions.Argument<string?>(CrawlDescription.Path);
        var database = CliDescriptions.Option<string>(CrawlDescription.Database);
        var exclude = CliDescriptions.Option<string[]>(CrawlDescription.Exclude);
        var tableLevel = CliDescriptions.Option<int?>(CrawlDescription.TableLevel);
        var combine = CliDescriptions.Option<bool>(CrawlDescription.CombineCompatibleSchemas);
        var newFoldersOnly = CliDescriptions.Option<bool>(CrawlDescription.NewFoldersOnly);
        var schemaChange = CliDescriptions.Option<string>(CrawlDescription.SchemaChange);
        var deleteBehavior = CliDescriptions.Option<string>(CrawlDescription.DeleteBehavior);
        var sampleBytes = CliDescriptions.Option<long?>(CrawlDescription.SampleBytes);
        var sampleRows = CliDescriptions.Option<long?>(CrawlDescription.SampleRows);
        var sampleFiles = CliDescriptions.Option<string>(CrawlDescription.SampleFiles);
        var classifier = CliDescriptions.Option<string[]>(CrawlDescription.Classifier);
        var connection = CliDescriptions.Option<string?>(CrawlDescription.Connection);
        var include = CliDescriptions.Option<string[]>(CrawlDescription.Include);
        var detectPii = CliDescriptions.Option<bool>(CrawlDescription.DetectPii);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var cluster = CliDescriptions.Option<string?>(ClusterDescriptions.Cluster);
        var command = CliDescriptions.Command(
            CrawlDescription.Command,
            path, database, exclude, tableLevel, combine, newFoldersOnly, schemaChange, deleteBehavior, sampleBytes, sampleRows, sampleFiles, classifier, connection, include, detectPii, catalog, json, cluster);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(cluster) is not null)
            {
                var others = new Option[] { combine, newFoldersOnly, schemaChange, deleteBehavior, sampleBytes, sampleRows, include, detectPii, json };
                if (others.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } other)
                {
                    throw new DevEndpointException(
                        $"crawl --cluster takes the path (a shared folder or s3://), --database, --exclude, --table-level, --classifier, --sample-files, --connection and --catalog; {other.Name} is not available with --cluster yet. Crawl without --cluster to use it.");
                }

                return await ClusterCommands.ForwardAsync(parse, "devendpoint crawl --cluster", cancellationToken);
            }

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
                await output.WriteLineAsync(Json(store, result));
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

    /// <summary>
    /// What <c>--json</c> prints: the run as Glue's <c>CrawlerHistory</c> (<c>Crawl</c>), the database's crawls as Glue's
    /// <c>CrawlerMetrics</c>, and DevEndpoint's report beside them: <c>Tables</c>, <c>SkippedFiles</c>, <c>Notices</c>.
    /// </summary>
    private static string Json(DataCatalog store, CrawlResult result) => CliJson.Serialize(new CrawlResponse(
        GlueResponses.CrawlerHistory(result.Run),
        GlueResponses.CrawlerMetrics(store.GetCrawlRuns(result.Run.DatabaseName)),
        result.Tables,
        result.SkippedFiles,
        result.Notices));

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
