using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Cli;
using DevEndpoint.Commands;
using DevEndpoint.Connections;
using DevEndpoint.Crawling;
using DevEndpoint.Writing;

namespace DevEndpoint.Cluster;

/// <summary>
/// The cluster executable the <c>devendpoint</c> command starts (it ships in its <c>cluster</c> folder) for
/// <c>devendpoint worker</c>, <c>devendpoint crawl ... --cluster</c> and <c>devendpoint job run ... --cluster</c>, with
/// the same arguments. Progress goes to the error stream, results to the output.
/// </summary>
internal static class ClusterApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("DevEndpoint's cluster executable: devendpoint worker, job run and crawl --cluster.");
        root.Subcommands.Add(WorkerCommand(output));
        root.Subcommands.Add(CrawlCommand(output, error));
        var job = CliDescriptions.Command(ClusterDescriptions.JobGroup);
        job.Subcommands.Add(JobRunCommand(output, error));
        root.Subcommands.Add(job);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var problem in parse.Errors)
                {
                    await error.WriteLineAsync($"error: {problem.Message}");
                }

                return 2;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DevEndpointException e)
        {
            await error.WriteLineAsync($"error: {SecretMask.Apply(e.Message)}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {SecretMask.Apply(e.Message)}");
            return 1;
        }
    }

    private static Command WorkerCommand(TextWriter output)
    {
        var cluster = CliDescriptions.Option<string>(ClusterDescriptions.RequiredCluster);
        var name = CliDescriptions.Option<string?>(ClusterDescriptions.WorkerName);
        var address = CliDescriptions.Option<string?>(ClusterDescriptions.WorkerAddress);
        var command = CliDescriptions.Command(ClusterDescriptions.Worker, cluster, name, address);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await WorkerHost.RunAsync(ClusterDatabase.Parse(parse.GetValue(cluster)!), parse.GetValue(name), parse.GetValue(address) ?? "127.0.0.1", output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command CrawlCommand(TextWriter output, TextWriter error)
    {
        var path = CliDescriptions.Argument<string>(CrawlDescription.Path);
        var database = CliDescriptions.Option<string>(CrawlDescription.Database);
        var exclude = CliDescriptions.Option<string[]>(CrawlDescription.Exclude);
        var tableLevel = CliDescriptions.Option<int?>(CrawlDescription.TableLevel);
        var classifier = CliDescriptions.Option<string[]>(CrawlDescription.Classifier);
        var sampleFiles = CliDescriptions.Option<string>(CrawlDescription.SampleFiles);
        var connection = CliDescriptions.Option<string?>(CrawlDescription.Connection);
        var catalog = CliDescriptions.Option<string?>(CommonOptions.Catalog);
        var cluster = CliDescriptions.Option<string>(ClusterDescriptions.RequiredCluster);
        var command = CliDescriptions.Command(CrawlDescription.Command, path, database, exclude, tableLevel, classifier, sampleFiles, connection, catalog, cluster);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(path) ?? throw new DevEndpointException("crawl --cluster crawls a folder or an s3:// prefix: give its path.");
            var store = DataCatalog.Open(parse.GetValue(catalog));
            await using var session = await ClusterSession.ConnectAsync(ClusterDatabase.Parse(parse.GetValue(cluster)!), cancellationToken);
            var result = await new DistributedCrawl(session, error).RunAsync(store, new CrawlOptions
            {
                Path = folder,
                Connection = parse.GetValue(connection),
                SampleFiles = CrawlOptions.ParseSampleFiles(parse.GetValue(sampleFiles)),
                Database = parse.GetValue(database)!,
                TableLevel = parse.GetValue(tableLevel),
                Exclusions = parse.GetValue(exclude) ?? [],
                Classifiers = parse.GetValue(classifier) ?? [],
            }, cancellationToken);
            var run = result.Run;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Crawled {run.Location} into database '{run.DatabaseName}' on the cluster in {run.Duration.TotalSeconds:0.00} s (run {run.RunId})."));
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Tables: {run.TablesCreated} created, {run.TablesUpdated} updated, {run.TablesUnchanged} unchanged. Partitions added: {run.PartitionsAdded}. Files read: {run.FilesClassified}, skipped: {result.SkippedFiles.Count}, excluded: {run.FilesExcluded}."));
            return 0;
        });
        return command;
    }

    private static Command JobRunCommand(TextWriter output, TextWriter error)
    {
        var source = CliDescriptions.Option<string>(ClusterDescriptions.Source);
        var transform = CliDescriptions.Option<string>(ClusterDescriptions.Transform);
        var to = CliDescriptions.Option<string>(ClusterDescriptions.To);
        var format = CliDescriptions.Option<string?>(ClusterDescriptions.Format);
        var partitionBy = CliDescriptions.Option<string?>(ClusterDescriptions.PartitionBy);
        var table = CliDescriptions.Option<string?>(ClusterDescriptions.Table);
        var bookmark = CliDescriptions.Option<string?>(ClusterDescriptions.Bookmark);
        var mode = CliDescriptions.Option<string?>(ClusterDescriptions.Mode);
        var catalog = CliDescriptions.Option<string?>(CommonOptions.Catalog);
        var cluster = CliDescriptions.Option<string?>(ClusterDescriptions.Cluster);
        var command = CliDescriptions.Command(ClusterDescriptions.JobRun, source, transform, to, format, partitionBy, table, bookmark, mode, catalog, cluster);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = DataCatalog.Open(parse.GetValue(catalog));
            var options = new ClusterJobOptions(parse.GetValue(source)!, parse.GetValue(transform)!, parse.GetValue(to)!)
            {
                Format = WriteOptions.ParseFormat(parse.GetValue(format) ?? "parquet"),
                PartitionBy = (parse.GetValue(partitionBy) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Table = parse.GetValue(table),
                Bookmark = parse.GetValue(bookmark),
                Mode = WriteOptions.ParseMode(parse.GetValue(mode) ?? "append"),
            };
            await using var session = parse.GetValue(cluster) is { } url ? await ClusterSession.ConnectAsync(ClusterDatabase.Parse(url), cancellationToken) : null;
            var result = await new DistributedJob(session, error).RunAsync(store, options, cancellationToken);
            if (result.Written is { } written)
            {
                await output.WriteLineAsync(ClusterJobResult.Describe(result, options.Source));
            }

            return 0;
        });
        return command;
    }
}
