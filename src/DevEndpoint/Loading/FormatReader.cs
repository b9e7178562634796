using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Loading;

/// <summary>Reads the rows of one data file into column builders, for one table format.</summary>
internal abstract partial class FormatReader
{
    public static FormatReader For(CatalogTable table) => table.Parameter("classification") switch
    {
        "csv" => new CsvFormat(),
        "json" => new JsonFormat(),
        "parquet" => new ParquetFormat(),
        "avro" => new AvroFormat(),
        var other => throw new DevEndpointException(
            $"Table {table.DatabaseName}.{table.Name} is classified as '{other ?? "nothing"}', which cannot be loaded yet. Loadable classifications: avro, csv, json, parquet."),
    };

    /// <summary>Reads at most <paramref name="limit"/> rows; returns how many were read. A file that cannot be decoded fails naming it.</summary>
    public async Task<long> ReadAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadRowsAsync(path, table, builders, limit, cancellationToken);
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

    protected abstract Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken);

    /// <summary>Whether an exception thrown while reading a file means the file cannot be read as the table's format.</summary>
    protected virtual bool IsUnreadable(Exception exception) => exception is InvalidDataException or IOException;

    protected static DevEndpointException BadValue(string path, long line, Column column, string value) =>
        new($"{path}: line {line}, column '{column.Name}': cannot read '{value}' as {column.Type}. Fix the value, or re-crawl the table if its data changed.");

    protected static DevEndpointException UnknownHeaderColumn(string path, CatalogTable table, string column) =>
        new($"{path}: its header has the column '{column}', which table {table.DatabaseName}.{table.Name} does not have. Crawl the table's folder again to take in the file's columns, or leave the file out with --exclude.");

    private static int DataIndex(CatalogTable table, ColumnBuilder builder) =>
        table.StorageDescriptor.Columns.ToList().FindIndex(c => c.Name == builder.Column.Name);

}
