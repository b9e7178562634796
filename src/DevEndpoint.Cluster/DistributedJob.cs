using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using DevEndpoint.Loading;
using DevEndpoint.ObjectStores;
using DevEndpoint.Writing;

namespace DevEndpoint.Cluster;

/// <summary>What a distributed job reads, how it transforms it and where it writes.</summary>
/// <param name="Source">The catalog table to read, <c>database.table</c>: a table of files in a shared folder or in <c>s3://</c>.</param>
/// <param name="Transform"><c>&lt;library&gt;:&lt;Type.Method&gt;</c> (see <see cref="LibraryTransform"/>).</param>
/// <param name="To">The folder the output goes to (shared).</param>
/// <param name="Table">The catalog table the output is recorded as, <c>database.table</c>; <c>null</c> for none.</param>
/// <param name="Bookmark">The job whose bookmark the run follows: only files its committed runs did not read.</param>
internal sealed record ClusterJobOptions(string Source, string Transform, string To)
{
    public WriteFormat Format { get; init; } = WriteFormat.Parquet;

    public IReadOnlyList<string> PartitionBy { get; init; } = [];

    public string? Table { get; init; }

    public string? Bookmark { get; init; }

    /// <summary><see cref="WriteMode.Append"/> (default) or <see cref="WriteMode.Overwrite"/> of the partitions written.</summary>
    public WriteMode Mode { get; init; } = WriteMode.Append;

    /// <summary>The job's name in its runs: the bookmark's job, else the transform's <c>Type.Method</c>.</summary>
    public string JobName => Bookmark ?? Transform[(Transform.LastIndexOf(':') + 1)..];

    /// <summary>The options as Glue's job arguments, those given only.</summary>
    public IReadOnlyDictionary<string, string> Arguments
    {
        get
        {
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--source"] = Source,
                ["--transform"] = Transform,
                ["--to"] = To,
                ["--format"] = Format.ToString().ToLowerInvariant(),
                ["--mode"] = WriteOptions.ModeName(Mode),
            };
            AddGiven(arguments, "--partition-by", PartitionBy.Count > 0 ? string.Join(',', PartitionBy) : null);
            AddGiven(arguments, "--table", Table);
            AddGiven(arguments, "--bookmark", Bookmark);
            return arguments;
        }
    }

    private static void AddGiven(Dictionary<string, string> arguments, string name, string? value)
    {
        if (value is not null)
        {
            arguments[name] = value;
        }
    }
}

/// <summary>What a distributed job did: its run, the rows read and written, the tasks and where each ran.</summary>
internal sealed record ClusterJobResult(string Run, long RowsRead, WriteResult? Written, IReadOnlyList<TaskOutcome> Tasks)
{
    /// <summary>The run in one line: what it read and wrote, in how many tasks on how many workers.</summary>
    public static string Describe(ClusterJobResult result, string source)
    {
        var written = result.Written!;
        var workers = result.Tasks.Select(t => t.Worker).Distinct(StringComparer.Ordinal).Count();
        var table = written.Table is { } name ? $"; table {name} {written.TableChange?.ToString().ToLowerInvariant()}" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Job run {result.Run}: read {result.RowsRead} rows of {source} in {result.Tasks.Count} tasks on {workers} workers; wrote {written.Rows} rows to {written.Path} ({written.Files.Count} files){table}.");
    }
}

/// <summary>
/// <c>job run ... --cluster</c>: this process splits the source table into file groups (a partition's files, or groups
/// of an unpartitioned table's), the workers read, transform and stage each group under
/// <c>&lt;to&gt;/_staging/&lt;run&gt;/&lt;task&gt;/&lt;attempt&gt;</c>, and this process puts the accepted attempts' output in place
/// and updates the catalog (and the bookmark) once. A retried task's output counts once; a failed run commits nothing.
/// Without a session (<c>job run</c> without <c>--cluster</c>) the job runs in this process as one task, staged and
/// committed the same way. Either way the run is recorded in the catalog (<see cref="JobRun"/>).
/// </summary>
internal sealed class DistributedJob(ClusterSession? session, TextWriter progress)
{
    /// <summary>The worker a job run in this process is recorded on.</summary>
    private static readonly string ThisProcess = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The staging folder under the target; loads and crawls of the target leave out folders starting with '_'.</summary>
    public const string StagingFolder = "_staging";

    public async Task<ClusterJobResult> RunAsync(DataCatalog catalog, ClusterJobOptions options, CancellationToken cancellationToken = default)
    {
        if (session is not null && options.Mode is not (WriteMode.Append or WriteMode.Overwrite))
        {
            throw new DevEndpointException(
                $"A job across a cluster appends (append) or replaces the partitions it writes (overwrite); --mode {WriteOptions.ModeName(options.Mode)} is not available with --cluster.");
        }

        if (S3Path.IsS3(options.To))
        {
            throw new DevEndpointException(
                $"A job stages its output in a folder and commits it there once; {options.To} is in an object store, which a job does not write to yet. Give --to a folder (shared by the workers with --cluster).");
        }

        catalog.RequireWritable();
        LibraryTransform.Resolve(options.Transform);
        var source = TableName.Parse(options.Source);
        var connection = SourceConnection(catalog, source, options.Bookmark);
        var (files, bookmark) = await FilesToReadAsync(catalog, source, options.Bookmark, cancellationToken);

        var run = DistributedCrawl.NewRunId();
        if (files.Count == 0)
        {
            progress.WriteLine($"Job run {run}: no files to read in {source}{(options.Bookmark is { } b ? $" that job bookmark '{b}' has not processed" : string.Empty)}; nothing written.");
            await using var empty = JobRunRecord.Start(catalog, run, options.JobName, options.Arguments, 0, 0);
            await empty.StopHeartbeatAsync();
            catalog.Update(empty.Succeed);
            return new ClusterJobResult(run, 0, null, []);
        }

        var workers = session is null ? [ThisProcess] : await session.WorkersAsync();
        var groups = session is null ? [files.Select(f => f.Path).ToList()] : Groups(files, workers.Count);
        progress.WriteLine($"Job run {run}: {files.Count} files of {source} in {groups.Count} tasks on {workers.Count} workers ({string.Join(", ", workers)})");
        await using var record = JobRunRecord.Start(catalog, run, options.JobName, options.Arguments, groups.Count, workers.Count);
        try
        {
            return await RunTasksAsync(catalog, options, new JobSource(source, connection), groups, bookmark, record, cancellationToken);
        }
        catch (Exception e)
        {
            await record.FailAsync(e);
            throw;
        }
    }

    /// <summary>Runs the tasks, then puts their output in place and commits the catalog, the bookmark and the run at once.</summary>
    private async Task<ClusterJobResult> RunTasksAsync(
        DataCatalog catalog, ClusterJobOptions options, JobSource source, List<List<string>> groups, BookmarkSelection? bookmark, JobRunRecord record, CancellationToken cancellationToken)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.To));
        var staging = Path.Combine(target, StagingFolder, record.Id);
        try
        {
            string Request(int i, int attempt) => ClusterJson.Write(
                new JobTaskRequest(
                    catalog.Path,
                    source.Table.ToString(),
                    groups[i],
                    options.Transform,
                    Path.Combine(staging, string.Create(CultureInfo.InvariantCulture, $"{i + 1}"), string.Create(CultureInfo.InvariantCulture, $"{attempt}")),
                    options.Format,
                    options.PartitionBy,
                    source.Connection));
            var outcomes = session is null
                ? [new TaskOutcome(await JobTasks.RunAsync(Request(0, 1)), ThisProcess, 1)]
                : await new TaskDispatcher(session.Client, progress) { Deaths = session.Deaths, Done = o => record.TaskDone(o.Worker), Retried = record.TaskRetried }
                    .RunAsync(record.Id, "job", TaskKinds.Job, groups.Count, Request, cancellationToken);
            if (session is null)
            {
                record.TaskDone(ThisProcess);
            }

            var results = outcomes.Select(o => ClusterJson.Read<JobTaskResult>(o.ResultJson)).ToList();
            await record.StopHeartbeatAsync();
            var written = new FrameWriter(catalog).PublishStaged(
                results.ConvertAll(r => r.Staged),
                new WriteOptions { Path = target, Format = options.Format, PartitionBy = options.PartitionBy, Mode = options.Mode, CatalogTable = options.Table },
                Path.Combine(staging, "commit"),
                update =>
                {
                    if (bookmark is not null)
                    {
                        update.RecordPendingFiles(bookmark);
                        JobBookmarks.Commit(update, options.Bookmark!);
                    }

                    record.Succeed(update);
                });
            return new ClusterJobResult(record.Id, results.Sum(r => r.RowsRead), written, outcomes);
        }
        finally
        {
            RemoveStaging(target, staging);
        }
    }

    /// <summary>
    /// The connection of a source table in <c>s3://</c> (its definition goes with each task; no secret), <c>null</c> for
    /// a table in a folder. A job bookmark follows local files only, so it is refused for a table in an object store.
    /// </summary>
    private static Connection? SourceConnection(DataCatalog catalog, TableName source, string? job)
    {
        var table = catalog.GetTable(source);
        if (!S3Path.IsS3(table.StorageDescriptor.Location))
        {
            return null;
        }

        if (job is not null)
        {
            throw new DevEndpointException(
                $"Job bookmarks follow local files only so far, and table {source} is in an object store ({table.StorageDescriptor.Location}). Run the job without --bookmark.");
        }

        return table.Parameter(ObjectStoreConnections.ConnectionParameter) is { } name ? catalog.GetConnection(name) : null;
    }

    /// <summary>The table's files, or with a job bookmark only those the job has not processed, and the bookmark's selection.</summary>
    private static async Task<(IReadOnlyList<(string Path, string Partition)> Files, BookmarkSelection? Bookmark)> FilesToReadAsync(
        DataCatalog catalog, TableName source, string? job, CancellationToken cancellationToken)
    {
        var files = await new TableLoader(catalog).ListFilesAsync(source, cancellationToken);
        if (job is null)
        {
            return (files, null);
        }

        var bookmark = catalog.SelectUnprocessedFiles(job, source, files.Select(f => f.Path).ToList());
        var unread = bookmark.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return (files.Where(f => unread.Contains(f.Path)).ToList(), bookmark);
    }

    /// <summary>The file groups: the files of each partition folder; an unpartitioned table's files in about two groups per worker.</summary>
    private static List<List<string>> Groups(IReadOnlyList<(string Path, string Partition)> files, int workers)
    {
        if (files.Any(f => f.Partition.Length > 0))
        {
            return files.GroupBy(f => f.Partition, StringComparer.Ordinal).Select(g => g.Select(f => f.Path).ToList()).ToList();
        }

        var size = Math.Max(1, (files.Count + (2 * workers) - 1) / (2 * workers));
        return files.Select(f => f.Path).Chunk(size).Select(c => c.ToList()).ToList();
    }

    /// <summary>The source table, and for a table in <c>s3://</c> the connection the workers read it through.</summary>
    private sealed record JobSource(TableName Table, Connection? Connection);

    private static void RemoveStaging(string target, string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var root = Path.Combine(target, StagingFolder);
        if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any())
        {
            Directory.Delete(root);
        }
    }
}
