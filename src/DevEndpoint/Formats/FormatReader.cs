using System.Runtime.CompilerServices;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>Reads the rows of one data file into column builders, for one table format.</summary>
internal abstract class FormatReader
{
    /// <summary>The reader of a table's files, by the format <see cref="FileFormats"/> finds for it.</summary>
    public static FormatReader For(CatalogTable table) => FileFormats.Reader(table);

    /// <summary>
    /// Reads one file into one or more parts (a big file may be read in ranges at once), each with its own builders made
    /// by <paramref name="newColumns"/>, in file order. A file that cannot be decoded fails naming it.
    /// </summary>
    public async Task<IReadOnlyList<ReadPart>> ReadAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadPartsAsync(path, table, newColumns, context, cancellationToken);
        }
        catch (Exception e) when (e is not DevEndpointException and not OperationCanceledException && IsUnreadable(e))
        {
            var format = table.Parameter("classification") == "parquet" ? "Parquet"
                : table.Parameter("compressionType") is { } codec && codec != Compression.None ? $"{codec}-compressed {table.Parameter("classification")}"
                : table.Parameter("classification");
            throw new DevEndpointException(
                $"{path}: cannot be read as {format} ({e.Message.TrimEnd('.')}). Replace the file, or leave it out with --exclude and crawl again.", e);
        }
    }

    /// <summary>Whether the reader keeps only a load's sampled rows as it reads; for other readers the loader samples the rows read.</summary>
    public virtual bool SamplesRows => false;

    /// <summary>Reads the file into one part, or several (ranges of a big file read at once), in file order.</summary>
    protected abstract Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken);

    /// <summary>Whether an exception thrown while reading a file means the file cannot be read as the table's format.</summary>
    protected virtual bool IsUnreadable(Exception exception) => exception is InvalidDataException or IOException;

    internal static DevEndpointException BadValue(string path, long line, Column column, string value) =>
        new($"{path}: line {line}, column '{column.Name}': cannot read '{value}' as {column.Type}. Fix the value, or re-crawl the table if its data changed.");

    internal static DevEndpointException UnknownHeaderColumn(string path, CatalogTable table, string column) =>
        new($"{path}: its header has the column '{column}', which table {table.DatabaseName}.{table.Name} does not have. Crawl the table's folder again to take in the file's columns, or leave the file out with --exclude.");

    internal static int DataIndex(CatalogTable table, ColumnSink builder) =>
        table.StorageDescriptor.Columns.ToList().FindIndex(c => c.Name == builder.Column.Name);
}

/// <summary>Rows of a file read into their own column builders, and the rows left out of them.</summary>
internal sealed class ReadPart(List<ColumnSink> columns)
{
    private long[]? starts;

    public List<ColumnSink> Columns { get; } = columns;

    public long Rows { get; set; }

    /// <summary>The ranges of the file these rows were read from at once (1 when read in order).</summary>
    public int Ranges { get; set; } = 1;

    public BadRecords Bad { get; } = new();

    /// <summary>
    /// Ends a row read field by field into the columns <paramref name="filled"/> lists: a bad row has the cells it added
    /// taken back; a good one gets a null in each of those columns it did not <paramref name="set"/>, and is counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow(int[] filled, bool[] set, bool bad)
    {
        foreach (var i in filled)
        {
            if (bad)
            {
                Columns[i].Truncate(Rows);
            }
            else if (!set[i])
            {
                Columns[i].AddNull();
            }
        }

        Rows += bad ? 0 : 1;
    }

    /// <summary>
    /// Parts that write straight into stretches of this part's columns, one per range of a file read at once, sized
    /// for at most <paramref name="rows"/> rows each (a part keeps its validity bitmap apart, so that parts never share a
    /// byte of one). A column that cannot <see cref="ColumnSink.Slice"/> (UTF-8 text) gets an empty builder
    /// of its own in each part instead. <see cref="Gather"/> joins them.
    /// </summary>
    public ReadPart[] Split(IReadOnlyList<long> rows)
    {
        starts = new long[rows.Count];
        for (var k = 1; k < rows.Count; k++)
        {
            starts[k] = starts[k - 1] + rows[k - 1];
        }

        foreach (var column in Columns.Where(c => c.CanSlice))
        {
            column.Reserve(starts[^1] + rows[^1]);
        }

        return rows.Select((count, k) => new ReadPart(Columns.Select(c => c.CanSlice ? c.Slice(starts[k], count) : Fresh(c, count)).ToList())).ToArray();

        static ColumnSink Fresh(ColumnSink column, long rows)
        {
            var builder = column.NewEmpty();
            builder.Reserve(rows);
            return builder;
        }
    }

    /// <summary>Makes this part hold the rows its <see cref="Split"/> parts read: the stretches closed up in order, their rows and bad rows added up.</summary>
    public void Gather(IReadOnlyList<ReadPart> ranges, ParallelOptions options)
    {
        var at = starts ?? throw new InvalidOperationException("Gather joins the parts of Split; this part was not split.");
        Parallel.For(0, Columns.Count, options, c =>
            Columns[c].Gather(Enumerable.Range(0, ranges.Count).Select(k => (ranges[k].Columns[c], at[k])).ToList()));
        Ranges = ranges.Count;
        foreach (var range in ranges)
        {
            Rows += range.Rows;
            Bad.AddRange(range.Bad);
        }
    }

    /// <summary>Keeps only the rows numbered in <paramref name="rows"/> (ascending), in every column.</summary>
    public void Keep(ReadOnlySpan<int> rows)
    {
        foreach (var column in Columns)
        {
            column.Keep(rows);
        }

        Rows = rows.Length;
    }

    /// <summary>Keeps the first <paramref name="rows"/> rows, in every column.</summary>
    public void Truncate(long rows)
    {
        if (rows >= Rows)
        {
            return;
        }

        foreach (var column in Columns)
        {
            column.Truncate(rows);
        }

        Rows = Math.Min(rows, Rows);
    }

    /// <summary>Keeps a bad row aside by the load's mode (counted, and kept when permissive); <c>false</c> when there are more than the threshold.</summary>
    public bool SetAside(BadRecord record, ReadContext context)
    {
        Bad.Add(record, keep: context.KeepBad);
        return context.ErrorThreshold is not { } threshold || Bad.Count <= threshold;
    }
}

/// <summary>
/// Whether a block of rows may hold a row the load keeps, given what <paramref name="range"/> says of the values of a
/// column (by name) in the block: <c>false</c> skips the block.
/// </summary>
internal delegate bool RangeFilter(Func<string, ValueRange?> range);

/// <summary>What every file of a load is read with.</summary>
/// <param name="Limit">The most rows to read from the file.</param>
/// <param name="FailFast">Whether the first row that does not fit the schema fails the load.</param>
/// <param name="KeepBad">Whether the rows that do not fit the schema are kept aside (permissive), not only counted.</param>
/// <param name="SampleFraction">The share of rows to keep, chosen by a hash of where each row is; <c>null</c> for all.</param>
/// <param name="ErrorThreshold">The most bad rows the load accepts; <c>null</c> for no limit.</param>
/// <param name="RangeBytes">The smallest range a big file is read in at once; <see cref="long.MaxValue"/> to read in order (a limit needs rows in order).</param>
/// <param name="MaxRanges">The most ranges a file is split into.</param>
internal sealed record ReadContext(long Limit, bool FailFast, bool KeepBad, double? SampleFraction, long? ErrorThreshold, long RangeBytes, int MaxRanges)
{
    /// <summary>
    /// The predicate the rows read will be filtered by, for a reader that can skip blocks of rows no row of which
    /// satisfies it (Parquet row groups, by their statistics); <c>null</c> to read every block.
    /// </summary>
    public RangeFilter? Filter { get; init; }

    /// <summary>The partition key values of the file, for <see cref="Filter"/>.</summary>
    public IReadOnlyDictionary<string, string?> PartitionValues { get; init; } = new Dictionary<string, string?>();
}
