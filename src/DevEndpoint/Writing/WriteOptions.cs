using DevEndpoint.Crawling;

namespace DevEndpoint.Writing;

/// <summary>What <see cref="FrameWriter.WriteAsync"/> writes, where, and how.</summary>
public sealed record WriteOptions
{
    /// <summary>The folder that receives the files (a table's location); created with its parents when missing.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The catalog's <c>s3</c> connection an <c>s3://bucket/prefix</c> <see cref="Path"/> is written through; recorded on the
    /// catalog table (<c>connectionName</c>) so that loads reach the same store. Default <c>null</c>: a local folder.
    /// </summary>
    public string? Connection { get; init; }

    /// <summary>The file format. Default: Parquet.</summary>
    public WriteFormat Format { get; init; } = WriteFormat.Parquet;

    /// <summary>Columns whose values make Hive-style <c>key=value</c> folders, in this order; they are not repeated in the files. Default: none.</summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];

    /// <summary>What to do when the folder already holds files. Default: <see cref="WriteMode.ErrorIfExists"/>, as Spark.</summary>
    public WriteMode Mode { get; init; } = WriteMode.ErrorIfExists;

    /// <summary>
    /// The codec: <c>snappy</c>, <c>gzip</c> or <c>zstd</c> for Parquet (default <c>snappy</c>), <c>gzip</c> or <c>none</c> for CSV and JSON
    /// (default <c>none</c>).
    /// </summary>
    public string? Compression { get; init; }

    /// <summary>The catalog table (<c>db.table</c>) to create or update with what was written, as Glue's <c>enableUpdateCatalog</c>; <c>null</c> for none.</summary>
    public string? CatalogTable { get; init; }

    /// <summary>
    /// What a write does to a catalog table whose columns or partition keys it changes, as a crawl's policy: <see cref="SchemaChangePolicy.Update"/>
    /// (default) stores the new schema, <see cref="SchemaChangePolicy.Log"/> keeps the table as it was and reports the change; partitions are added either way.
    /// </summary>
    public SchemaChangePolicy SchemaChange { get; init; } = SchemaChangePolicy.Update;

    /// <summary>The options as <c>#!write</c> and <c>devendpoint write</c> take them, as text; a value neither knows is an error naming the values it takes.</summary>
    internal static WriteOptions FromText(
        string to, string? format, string? partitionBy, string? mode, string? compression, string? catalogTable, string? schemaChange, string? connection) => new()
        {
            Path = to,
            Connection = connection,
            Format = format is null ? WriteFormat.Parquet : ParseFormat(format),
            PartitionBy = partitionBy?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            Mode = mode is null ? WriteMode.ErrorIfExists : ParseMode(mode),
            Compression = compression,
            CatalogTable = catalogTable,
            SchemaChange = schemaChange is null ? SchemaChangePolicy.Update : CrawlPolicies.ParseSchemaChange(schemaChange),
        };

    /// <summary>The codec a write uses: the one asked for, or the format's default; an unknown or unsupported one is an error.</summary>
    internal string Codec()
    {
        var codec = Compression?.Trim().ToLowerInvariant() ?? (Format is WriteFormat.Parquet or WriteFormat.Delta ? Formats.Compression.Snappy : Formats.Compression.None);
        string[] allowed = Format is WriteFormat.Parquet or WriteFormat.Delta
            ? [Formats.Compression.Snappy, Formats.Compression.Gzip, Formats.Compression.Zstd, Formats.Compression.None]
            : [Formats.Compression.Gzip, Formats.Compression.None];
        return allowed.Contains(codec)
            ? codec
            : throw new DevEndpointException($"Compression '{Compression}' is not available for {Format.ToString().ToLowerInvariant()} output. Use {string.Join(", ", allowed)}.");
    }

    /// <summary>Reads a format by the name the magics take: <c>parquet</c>, <c>csv</c>, <c>json</c> (JSON lines) or <c>delta</c>.</summary>
    public static WriteFormat ParseFormat(string name) => name.Trim().ToLowerInvariant() switch
    {
        "parquet" => WriteFormat.Parquet,
        "csv" => WriteFormat.Csv,
        "json" => WriteFormat.Json,
        "delta" => WriteFormat.Delta,
        _ => throw new DevEndpointException($"Unknown format '{name}'. Use parquet, csv, json (JSON lines) or delta (a Delta Lake table)."),
    };

    /// <summary>
    /// Reads a mode by the name the magics take: <c>overwrite</c>, <c>overwrite-table</c>, <c>append</c> or <c>error-if-exists</c>
    /// (see <see cref="WriteMode"/> for what each deletes).
    /// </summary>
    public static WriteMode ParseMode(string name) => name.Trim().ToLowerInvariant() switch
    {
        "overwrite" => WriteMode.Overwrite,
        "overwrite-table" or "overwritetable" => WriteMode.OverwriteTable,
        "append" => WriteMode.Append,
        "error-if-exists" or "errorifexists" or "error" => WriteMode.ErrorIfExists,
        _ => throw new DevEndpointException(
            $"Unknown mode '{name}'. Use overwrite (replace the partitions written, keep the others), overwrite-table (replace everything in the folder), "
            + "append (add files) or error-if-exists (refuse a folder that holds files)."),
    };

    /// <summary>The name <see cref="ParseMode"/> reads for <paramref name="mode"/>.</summary>
    public static string ModeName(WriteMode mode) => mode switch
    {
        WriteMode.ErrorIfExists => "error-if-exists",
        WriteMode.OverwriteTable => "overwrite-table",
        _ => mode.ToString().ToLowerInvariant(),
    };
}

/// <summary>The formats a frame is written in.</summary>
public enum WriteFormat
{
    Parquet,

    /// <summary>Comma-separated, a header line, fields quoted when needed (doubled quotes inside), UTF-8, ISO 8601 dates.</summary>
    Csv,

    /// <summary>JSON lines: one object per row.</summary>
    Json,

    /// <summary>
    /// A Delta Lake table: Parquet files and a commit in <c>_delta_log/</c> that adds them (and, for an overwrite, removes
    /// the files replaced), so that readers see the table before or after the write, never between.
    /// </summary>
    Delta,
}

/// <summary>Spark's save modes, with Spark's dynamic partition overwrite (<c>partitionOverwriteMode=dynamic</c>, as Glue jobs use it) for <see cref="Overwrite"/>.</summary>
public enum WriteMode
{
    /// <summary>Fail when the folder already holds files; delete nothing.</summary>
    ErrorIfExists,

    /// <summary>
    /// Replace only the partitions the frame holds rows for: the files of each <c>key=value</c> folder written are deleted, every
    /// other partition keeps its files (and its catalog partition). An unpartitioned write replaces the folder's files. The
    /// previous files stay until the new ones are all written.
    /// </summary>
    Overwrite,

    /// <summary>Add new files beside those there; delete nothing.</summary>
    Append,

    /// <summary>
    /// Replace everything in the folder: every file and partition folder there (and every partition of the catalog table) is
    /// deleted, written or not. The previous files stay until the new ones are all written.
    /// </summary>
    OverwriteTable,
}
