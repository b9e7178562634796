using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>Reads the rows of one data file into column sinks (the loader's column builders), for one table format.</summary>
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
