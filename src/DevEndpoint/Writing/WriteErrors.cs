using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Writing;

/// <summary>The errors a write reports, in one place so their wording stays consistent (and tests pin it).</summary>
internal static class WriteErrors
{
    public static DevEndpointException Exists(string path) => new(
        $"Cannot write to '{path}': the folder already holds files. Use mode append to add to them, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace them all.");

    public static DevEndpointException NoCatalogForStore(string path) => new(
        $"Cannot write to {path}: an object store is reached through a connection of the catalog. Make the FrameWriter with the catalog that holds the connection.");

    public static DevEndpointException MissingColumn(string name, IEnumerable<string> columns)
    {
        var closest = ClosestNames.Find(name, columns);
        var hint = closest.Count > 0 ? $" Did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}?" : string.Empty;
        return new($"Cannot partition by '{name}': the frame has no such column.{hint} Columns: {string.Join(", ", columns)}.");
    }

    public static DevEndpointException OnlyPartitionColumns() => new(
        "Every column of the frame is a partition column, so the files would hold nothing. Leave at least one column out of partition-by.");

    public static DevEndpointException NotFinite(string column, long row, double value) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"Column '{column}', row {row}: {value} cannot be written as JSON, which has no NaN or infinity. Replace it (or write Parquet or CSV)."));

    public static DevEndpointException OtherLocation(TableName table, string? stored, string location) => new(
        $"Table {table} is stored at '{stored}', not '{location}'. Write to its location, or name another table.");

    public static DevEndpointException OtherFormat(TableName table, string? classification, string? compression, string format, string codec, WriteMode mode) => new(
        $"Table {table} holds {classification} files ({compression} compression); {Adding(mode)} {format} files ({codec} compression) would mix them. "
        + "Write in the table's format, or replace the whole table with mode overwrite-table.");

    public static DevEndpointException OtherPartitionKeys(TableName table, IEnumerable<string> stored, IEnumerable<string> written, WriteMode mode) => new(
        $"Table {table} is partitioned by ({string.Join(", ", stored)}); {Adding(mode)} files partitioned by ({string.Join(", ", written)}) would not match. "
        + "Partition by the table's keys, or replace the whole table with mode overwrite-table.");

    /// <summary>What a write that keeps the table's other files does to it, in the words of the errors above.</summary>
    private static string Adding(WriteMode mode) => mode == WriteMode.Append ? "appending" : "overwriting some of its partitions with";
}
