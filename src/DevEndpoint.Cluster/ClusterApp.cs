using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
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
        var root = new RootCommand("DevEndpoint's cluster: workers, and crawls and jobs spread over them.");
        root.Subcommands.Add(WorkerCommand(output));
        root.Subcommands.Add(CrawlCommand(output, error));
        var job = new Command("job", "Jobs in Glue's shape.");
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

    private static Option<string> ClusterOption() => new("--cluster")
    {
        Description = "The PostgreSQL database of the cluster's membership: postgresql://user@host:port/database (password in PGPASSWORD).",
        Required = true,
    };

    private static Option<string?> CatalogOption() => new("--catalog") { Description = "The catalog (default: DEVENDPOINT_CATALOG, else ~/.devendpoint/catalog.db)." };

    private static Command WorkerCommand(TextWriter output)
    {
        var cluster = ClusterOption();
        var name = new Option<string?>("--name") { Description = "The worker's name in progress lines (default: host:process id)." };
        var address = new Option<string>("--address")
        {
            Description = "The IP address the other processes of the cluster reach this worker at (default 127.0.0.1: one machine).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var command = new Command("worker", "Start a worker: it joins the cluster and runs crawl and job tasks until stopped (Ctrl+C).") { cluster, name, address };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await WorkerHost.RunAsync(ClusterDatabase.Parse(parse.GetValue(cluster)!), parse.GetValue(name), parse.GetValue(address)!, output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command CrawlCommand(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path") { Description = "The folder to crawl: one every worker reaches at the same path." };
        var database = new Option<string>("--database") { Description = "The catalog database that receives the tables.", Required = true };
        var catalog = CatalogOption();
        var cluster = ClusterOption();
        var tableLevel = new Option<int?>("--table-level") { Description = "The folder depth at which tables start (1: the path itself)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob patterns of files and folders to leave out.", Arity = ArgumentArity.ZeroOrMore };
        var classifier = new Option<string[]>("--classifier") { Description = "Custom classifiers to run first, by name.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("crawl", "Crawl a folder, its files classified on the cluster's workers; one catalog commit at the end.")
        {
            path, database, catalog, cluster, tableLevel, exclude, classifier,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = DataCatalog.Open(parse.GetValue(catalog));
            await using var session = await ClusterSession.ConnectAsync(ClusterDatabase.Parse(parse.GetValue(cluster)!), cancellationToken);
            var result = await new DistributedCrawl(session, error).RunAsync(store, new CrawlOptions
            {
                Path = parse.GetValue(path)!,
                Database = parse.GetValue(database)!,
                TableLevel = parse.GetValue(tableLevel),
                Exclusions = parse.GetValue(exclude) ?? [],
                Classifiers = parse.GetValue(classifier) ?? [],
            }, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Crawl {result.Run.RunId}: {result.Run.FilesClassified} of {result.Run.FilesListed} files classified on the cluster into {result.Run.DatabaseName}: {result.Run.TablesCreated} tables created, {result.Run.TablesUpdated} updated, {result.Run.TablesUnchanged} unchanged; {result.Run.FilesSkipped} files skipped."));
            return 0;
        });
        return command;
    }

    private static Command JobRunCommand(TextWriter output, TextWriter error)
    {
        var source = new Option<string>("--source") { Description = "The catalog table to read: database.table (files in a shared folder).", Required = true };
        var transform = new Option<string>("--transform") { Description = "<library>:<Type.Method>: a public static DataFrame -> DataFrame method of a script library.", Required = true };
        var to = new Option<string>("--to") { Description = "The folder the output goes to (shared).", Required = true };
        var format = new Option<string>("--format") { Description = "parquet (default), csv or json.", DefaultValueFactory = _ => "parquet" };
        var partitionBy = new Option<string?>("--partition-by") { Description = "Columns to partition the output by, comma-separated." };
        var table = new Option<string?>("--table") { Description = "The catalog table the output is recorded as: database.table." };
        var bookmark = new Option<string?>("--bookmark") { Description = "The job whose bookmark the run follows: only files it has not processed are read." };
        var mode = new Option<string>("--mode") { Description = "append (default) or overwrite (the partitions written).", DefaultValueFactory = _ => "append" };
        var catalog = CatalogOption();
        var cluster = ClusterOption();
        var command = new Command("run", "Run a job across the cluster's workers: each reads a file group, transforms it and stages its output; one commit at the end.")
        {
            source, transform, to, format, partitionBy, table, bookmark, mode, catalog, cluster,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = DataCatalog.Open(parse.GetValue(catalog));
            var options = new ClusterJobOptions(parse.GetValue(source)!, parse.GetValue(transform)!, parse.GetValue(to)!)
            {
                Format = WriteOptions.ParseFormat(parse.GetValue(format)!),
                PartitionBy = (parse.GetValue(partitionBy) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Table = parse.GetValue(table),
                Bookmark = parse.GetValue(bookmark),
                Mode = WriteOptions.ParseMode(parse.GetValue(mode)!),
            };
            await using var session = await ClusterSession.ConnectAsync(ClusterDatabase.Parse(parse.GetValue(cluster)!), cancellationToken);
            var result = await new DistributedJob(session, error).RunAsync(store, options, cancellationToken);
            if (result.Written is { } written)
            {
                var workers = result.Tasks.Select(t => t.Worker).Distinct().Count();
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Job run {result.Run}: read {result.RowsRead} rows of {options.Source} in {result.Tasks.Count} tasks on {workers} workers; wrote {written.Rows} rows to {written.Path} ({written.Files.Count} files){(written.Table is { } t ? $", table {t} {written.TableChange?.ToString().ToLowerInvariant()}" : string.Empty)}."));
            }

            return 0;
        });
        return command;
    }
}
