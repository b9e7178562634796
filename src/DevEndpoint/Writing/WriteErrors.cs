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

    public static DevEndpointException DeltaOnObjectStore(string path) => new(
        $"Cannot write a Delta table to {path}: a Delta commit must be created atomically and only if no other writer created it, and DevEndpoint's object store "
        + "client has no such conditional put. Write the Delta table to a local folder, or write parquet to the object store.");

    public static DevEndpointException NotDelta(string path) => new(
        $"Cannot write a Delta table to '{path}': the folder holds files but no Delta log (_delta_log/). Write to an empty folder or an existing Delta table, or write in the folder's own format.");

    public static DevEndpointException DeltaExists(string path) => new(
        $"Cannot write to '{path}': it already holds a Delta table. Use mode append to add a commit of new rows, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace the whole table.");

    public static DevEndpointException DeltaWriterVersion(string path, int version, IEnumerable<string> features) => new(
        $"Cannot write to Delta table '{path}': it needs Delta writer version {version}{(features.Any() ? $" (features {string.Join(", ", features)})" : string.Empty)} or uses column mapping by id, "
        + "and DevEndpoint writes tables of writer version 2, and appends to tables with column mapping by name (writer version 5, or 7 with only the features columnMapping, appendOnly, invariants) "
        + "without check constraints, generated or identity columns. Write to it with Spark or delta-rs, or write a new table.");

    public static DevEndpointException DeltaMappedNotAppend(string path, string mode) => new(
        $"Cannot {mode} Delta table '{path}': it uses column mapping, and DevEndpoint only appends to such a table (its files and schema keep their physical names). "
        + "Use mode append, or overwrite it with Spark or delta-rs.");

    public static DevEndpointException DeltaAppendOnly(string path, string mode) => new(
        $"Cannot {mode} Delta table '{path}': its property delta.appendOnly is true, so its files may only be added to. Use mode append.");

    public static DevEndpointException DeltaPartitionColumns(string path, IEnumerable<string> stored, IEnumerable<string> written, string mode) => new(
        $"Cannot {mode} Delta table '{path}': it is partitioned by ({string.Join(", ", stored)}), the write by ({string.Join(", ", written)}). "
        + "Leave partition-by out to use the table's, or replace the table with mode overwrite-table.");

    public static DevEndpointException DeltaSchema(string path, string mode, IEnumerable<string> differences) => new(
        $"Cannot {mode} Delta table '{path}': the frame's columns differ from the table's: {string.Join("; ", differences)}. "
        + "Select and cast the frame's columns to the table's, or replace the table and its schema with mode overwrite-table.");

    public static DevEndpointException CatalogNotDelta(TableName table, string? classification) => new(
        $"Table {table} is classified as '{classification}', not as a Delta table; a Delta commit in its folder would leave it describing files the log does not list. "
        + "Name another table, or replace the whole table with mode overwrite-table.");

    /// <summary>What a write that keeps the table's other files does to it, in the words of the errors above.</summary>
    private static string Adding(WriteMode mode) => mode == WriteMode.Append ? "appending" : "overwriting some of its partitions with";
}
