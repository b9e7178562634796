using System.Diagnostics;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.ObjectStores;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>
/// Loads a catalog table into a <see cref="DataFrame"/>: partitions are pruned by the predicate before any file is
/// opened, only the requested columns are kept, partition keys become columns, types follow the catalog and nulls
/// stay nulls.
/// </summary>
public sealed partial class TableLoader
{
    private readonly DataCatalog catalog;

    public TableLoader(DataCatalog catalog)
    {
        this.catalog = catalog;
    }

    /// <summary>The smallest range a big uncompressed text file is split into to be read at once (smaller in tests).</summary>
    internal long RangeBytes { get; init; } = 16 << 20;

    /// <summary>
    /// The most ranges a file is split into: two per core (more in tests). Fewer, bigger ranges measured faster than
    /// many 16 MB ones (the 275 MB benchmark CSV: 4 ranges 0.72 s, 9 ranges 0.73 s, 17 ranges 0.77 s; JSON lines alike),
    /// and two per core still let one core take over the rest of a range the other is slow with.
    /// </summary>
    internal int MaxRanges { get; init; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <param name="progress">Told as files are read: how many of how many, and the rows so far.</param>
    public async Task<LoadResult> LoadAsync(
        string qualifiedName, LoadOptions? options = null, CancellationToken cancellationToken = default, IProgress<LoadProgress>? progress = null)
    {
        options ??= new LoadOptions();
        var stopwatch = Stopwatch.StartNew();
        Validate(options);
        var name = TableName.Parse(qualifiedName);
        var table = catalog.GetTable(name);
        if (TableSources.For(table) is { } tableSource)
        {
            return await tableSource.LoadAsync(catalog, name, table, options, cancellationToken);
        }

        if (options.HashField is not null || options.HashPartitions is not null || options.BookmarkKey is not null)
        {
            throw new DevEndpointException($"{name} is a table of files; --hash-field, --hash-partitions and --bookmark-key are for database tables.");
        }

        var partitionKeys = table.PartitionKeys.Select(k => k.Name).ToList();
        var all = NestedColumns.Expand(table.AllColumns).ToList();
        var predicate = string.IsNullOrWhiteSpace(options.Where) ? null : PartitionPredicate.Parse(options.Where);
        predicate?.Check(name.ToString(), all);
        var filter = predicate is not null && predicate.Keys.Any(k => !partitionKeys.Contains(k.Name, StringComparer.OrdinalIgnoreCase)) ? predicate : null;
        var output = SelectColumns(table, name, options.Columns);

        // The data columns the predicate names that were not asked for are read too, after the others, and dropped once
        // the rows are filtered.
        var readColumns = output.Concat(all.Where(c =>
                filter is not null
                && !partitionKeys.Contains(c.Name, StringComparer.OrdinalIgnoreCase)
                && filter.Keys.Any(k => string.Equals(k.Name, c.Name, StringComparison.OrdinalIgnoreCase))
                && !output.Any(o => string.Equals(o.Name, c.Name, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        var sources = new List<Source>();
        var partitionsTotal = 0;
        long? rowsCounted = null;
        if (partitionKeys.Count == 0)
        {
            sources.Add(new Source(table.StorageDescriptor.Location!, new Dictionary<string, string?>()));
        }
        else
        {
            var partitions = catalog.GetPartitions(name);
            partitionsTotal = partitions.Count;
            rowsCounted = 0;
            foreach (var partition in partitions)
            {
                var values = partitionKeys.Select((k, i) => (k, i < partition.Values.Count ? partition.Values[i] : null))
                    .ToDictionary(p => p.k, p => p.Item2, StringComparer.OrdinalIgnoreCase);
                if (predicate is null || (filter is null ? predicate.Matches(values) : predicate.MayMatch(values)))
                {
                    sources.Add(new Source(partition.StorageDescriptor.Location!, values));
                    rowsCounted = RecordCount(partition.Parameters) is { } rows ? rowsCounted + rows : null;
                }
            }
        }

        var reader = FormatReader.For(table);
        if (options.Bookmark is not null && S3Path.IsS3(table.StorageDescriptor.Location))
        {
            throw new DevEndpointException(
                $"Job bookmarks follow local files only so far, and table {name} is in an object store ({table.StorageDescriptor.Location}). Load it without --bookmark.");
        }

        using var objectStore = S3Path.IsS3(table.StorageDescriptor.Location)
            ? ObjectStoreConnections.Open(catalog, table.Parameter(ObjectStoreConnections.ConnectionParameter) ?? throw NoConnection(name, table), table.StorageDescriptor.Location!)
            : null;
        var store = objectStore is null ? null : new ObjectStoreFiles(objectStore);
        var files = new List<(string Path, IReadOnlyDictionary<string, string?> Values)>();
        foreach (var source in sources)
        {
            var found = store is null ? TableFiles.DataFiles(table, source.Location) : await TableFiles.DataFilesAsync(table, source.Location, store, cancellationToken);
            files.AddRange(found.Select(f => (f, source.Values)));
        }

        var bookmark = options.Bookmark is { } job ? catalog.SelectUnprocessedFiles(job, name, files.ConvertAll(f => f.Path)) : null;
        if (bookmark is not null)
        {
            var unread = bookmark.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            files = files.FindAll(f => unread.Contains(Path.GetFullPath(f.Path)));
        }

        using var downloads = objectStore is null ? null : new ObjectDownloads(objectStore);
        var read = new IReadOnlyList<ReadPart>[files.Count];

        // A sample of n rows with a filter on data columns is taken once the rows the filter keeps are counted.
        var fraction = options.SampleRows is not null && filter is not null ? null : SampleFraction(table, options, rowsCounted);
        List<ColumnBuilder> NewColumns() => readColumns.Select(c => ColumnBuilder.For(c, options.Strings)).ToList();
        var context = new ReadContext(
            filter is null ? options.Limit ?? long.MaxValue : long.MaxValue, options.Mode, fraction, options.ErrorThreshold, options.Limit is null ? RangeBytes : long.MaxValue, Math.Min(MaxRanges, 64));
        var location = table.StorageDescriptor.Location ?? string.Empty;
        async Task<IReadOnlyList<ReadPart>> ReadAsync(int file, ReadContext context, CancellationToken token)
        {
            var (path, values) = files[file];
            if (filter is not null && fraction is null)
            {
                context = context with { Filter = filter, PartitionValues = values };
            }

            var parts = downloads is null
                ? await reader.ReadAsync(path, table, NewColumns, context, token)
                : await downloads.ReadAsync(reader, path, table, NewColumns, context, token);
            foreach (var part in parts)
            {
                foreach (var builder in part.Columns.Where(b => partitionKeys.Contains(b.Column.Name)))
                {
                    builder.AddRepeated(values[builder.Column.Name], part.Rows);
                }
            }

            if (fraction is { } keep && reader.SamplesRows is false)
            {
                Sample(parts, keep, Seed(path, location));
            }

            if (filter is not null)
            {
                Filter(parts, filter, values);
            }

            return parts;
        }

        var filesRead = 0;
        if (options.Limit is { } limit)
        {
            var rows = 0L;
            for (var i = 0; i < files.Count && rows < limit; i++)
            {
                read[i] = await ReadAsync(i, context with { Limit = filter is null ? limit - rows : long.MaxValue }, cancellationToken);
                foreach (var part in read[i])
                {
                    part.Truncate(limit - rows);
                    rows += part.Rows;
                }

                filesRead++;
                progress?.Report(new LoadProgress(filesRead, files.Count, rows));
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            var filesDone = 0;
            var rowsRead = 0L;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, files.Count),
                parallel,
                async (i, token) =>
                {
                    read[i] = await ReadAsync(i, context, token);
                    var rows = Interlocked.Add(ref rowsRead, read[i].Sum(p => p.Rows));
                    progress?.Report(new LoadProgress(Interlocked.Increment(ref filesDone), files.Count, rows));
                });
            filesRead = files.Count;
        }

        if (options.SampleRows is { } sampleRows && filter is not null && read.Take(filesRead).Sum(r => r.Sum(p => p.Rows)) is var kept && kept > sampleRows)
        {
            for (var i = 0; i < filesRead; i++)
            {
                Sample(read[i], (double)sampleRows / kept, Seed(files[i].Path, location));
            }
        }

        var parts = new List<ReadPart>();
        var bad = new BadRecords();
        for (var i = 0; i < filesRead; i++)
        {
            foreach (var part in read[i])
            {
                bad.AddRange(part.Bad);
                parts.Add(part);
            }
        }

        if (options.ErrorThreshold is { } threshold && bad.Count > threshold)
        {
            throw TooManyBadRows(name, bad, threshold);
        }

        var columns = new DataFrameColumn[output.Count];
        Parallel.For(
            0,
            columns.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            j => columns[j] = parts.Count == 0 ? NewColumns()[j].Build() : ColumnBuilder.Concat(parts.Select(p => p.Columns[j]).ToList()));
        var frame = new DataFrame(columns);
        if (bookmark is not null)
        {
            catalog.RecordPendingFiles(bookmark);
        }

        return new LoadResult(frame, table, sources.Count, partitionsTotal, filesRead, stopwatch.Elapsed, bad.ToFrame(), bad.Count)
        {
            PartsRead = parts.Sum(p => p.Ranges),
            Bookmark = bookmark,
        };
    }

    private static void Validate(LoadOptions options)
    {
        if (options.Limit is < 0)
        {
            throw new DevEndpointException($"The row limit must be zero or more; got {options.Limit}.");
        }

        if (options.SampleFraction is { } fraction && (double.IsNaN(fraction) || fraction <= 0 || fraction > 1))
        {
            throw new DevEndpointException(
                $"The sample fraction must be more than 0 and at most 1 (0.01 keeps about one row in a hundred); got {fraction.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.SampleRows is <= 0)
        {
            throw new DevEndpointException($"The sample size must be at least 1 row; got {options.SampleRows}.");
        }

        if (options.SampleFraction is not null && options.SampleRows is not null)
        {
            throw new DevEndpointException("Give either a sample fraction or a sample size in rows, not both.");
        }

        if (options.ErrorThreshold is < 0)
        {
            throw new DevEndpointException($"The error threshold must be zero or more bad rows; got {options.ErrorThreshold}.");
        }

        if (options.Bookmark is { } job)
        {
            DataCatalog.CheckJobName(job);
            if (options.Limit is not null || options.SampleFraction is not null || options.SampleRows is not null)
            {
                throw new DevEndpointException(
                    $"A load with job bookmark '{job}' reads whole files and records them as processed, so it cannot take a row limit or a sample. Load without them, or without the bookmark.");
            }
        }
    }

    private static DevEndpointException NoConnection(TableName name, CatalogTable table) => new(
        $"Table {name} is stored in an object store ({table.StorageDescriptor.Location}) but names no connection to reach it (table parameter {ObjectStoreConnections.ConnectionParameter}). Crawl it again with --connection <name>.");

    private static DevEndpointException TooManyBadRows(TableName name, BadRecords bad, long threshold)
    {
        var first = bad.First is { } record
            ? $" The first: {record.File}: line {record.Line}{(record.Column is null ? string.Empty : $", column '{record.Column}'")}: {record.Reason}."
            : string.Empty;
        return new DevEndpointException(
            $"Loading {name} found {bad.Count} bad rows, more than the error threshold of {threshold}.{first} Fix the data, re-crawl the table if its data changed, or raise the threshold.");
    }

    internal static List<Column> SelectColumns(CatalogTable table, TableName name, IReadOnlyList<string>? requested)
    {
        var all = NestedColumns.Expand(table.AllColumns).ToList();
        if (requested is null || requested.Count == 0)
        {
            return all;
        }

        var selected = new List<Column>();
        foreach (var wanted in requested.Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            var column = all.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                var closest = ClosestNames.Find(wanted, all.Select(c => c.Name));
                var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
                throw new DevEndpointException(
                    $"Column '{wanted}' does not exist in {name}.{hint} Columns: {string.Join(", ", all.Select(c => c.Name))}.");
            }

            if (!selected.Contains(column))
            {
                selected.Add(column);
            }
        }

        return selected;
    }

    private sealed record Source(string Location, IReadOnlyDictionary<string, string?> Values);
}
