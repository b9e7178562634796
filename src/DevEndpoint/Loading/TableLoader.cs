using System.Diagnostics;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
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

        CheckFileTableOptions(name, options);
        var columns = PlanColumns(name, table, options);
        var format = TableFormats.For(table);
        CheckVersionOptions(name, table, options, format);
        using var objectStore = OpenObjectStore(name, table, options);
        var (folders, files, reader) = format is null
            ? await PlanFilesAsync(name, table, columns, objectStore, cancellationToken)
            : await PlanSnapshotAsync(format, table, Storage(objectStore), columns, options, cancellationToken);
        var bookmark = options.Bookmark is { } job ? catalog.SelectUnprocessedFiles(job, name, files.ConvertAll(f => f.Path)) : null;
        files = bookmark is null ? files : UnprocessedFiles(files, bookmark);
        files = options.Files is { } only ? files.FindAll(f => only.Contains(FullPath(f.Path))) : files;

        var fileReader = NewFileReader(table, reader, columns, options, files, folders);
        var (read, filesRead) = options.Limit is { } limit
            ? await ReadUpToAsync(fileReader, limit, progress, cancellationToken)
            : await ReadAllAsync(fileReader, progress, cancellationToken);
        SampleFilteredRows(read, filesRead, files, columns, options, table.StorageDescriptor.Location ?? string.Empty);
        var (parts, bad) = Gather(read, filesRead);
        if (options.ErrorThreshold is { } threshold && bad.Count > threshold)
        {
            throw TooManyBadRows(name, bad, threshold);
        }

        var frame = Assemble(parts, fileReader, columns.Output.Count, cancellationToken);
        if (bookmark is not null)
        {
            catalog.RecordPendingFiles(bookmark);
        }

        return new LoadResult(frame, table, folders.Sources.Count, folders.PartitionsTotal, filesRead, stopwatch.Elapsed, bad.ToFrame(), bad.Count)
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

    /// <summary>The options that are for database tables only.</summary>
    private static void CheckFileTableOptions(TableName name, LoadOptions options)
    {
        if (options.HashField is not null || options.HashPartitions is not null || options.BookmarkKey is not null)
        {
            throw new DevEndpointException($"{name} is a table of files; --hash-field, --hash-partitions and --bookmark-key are for database tables.");
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
}
