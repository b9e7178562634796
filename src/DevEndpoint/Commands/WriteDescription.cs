using DevEndpoint.Catalog;

namespace DevEndpoint.Commands;

/// <summary>
/// <c>#!write</c> and <c>devendpoint write</c>. A notebook writes a DataFrame variable; the command line writes a catalog
/// table, loaded as <c>devendpoint load</c> loads it. <c>--catalog</c> means the catalog file on the command line, as for
/// every command there; the catalog table to create or update is <c>--catalog</c> in a notebook (its catalog file
/// <c>--catalog-file</c>) and <c>--catalog-table</c> on the command line.
/// </summary>
internal static class WriteDescription
{
    /// <summary>What each mode deletes, as <c>--mode</c>'s help says it.</summary>
    public const string ModeHelp =
        "What to do when the folder holds files, and what each deletes: error-if-exists (default: refuse; deletes nothing), "
        + "append (add files beside them; deletes nothing), "
        + "overwrite (replace only the partitions the frame holds rows for: their earlier files and catalog partitions are replaced, every other partition is kept; "
        + "without --partition-by, replace the folder's files), "
        + "or overwrite-table (delete every file and partition in the folder and every partition of the catalog table, written or not, then write). "
        + "Overwrites delete only once the new files are all written, and the summary lists each partition replaced with its file count. "
        + "With --format delta each write is a commit: an overwrite's commit removes the files it replaces from the table without deleting them (earlier versions stay readable with {front}load --version).";

    private const string TableToUpdateHelp =
        "The catalog table to create or update with what was written, as <database>.<table>: columns, partitions, and the schema widened on append.";

    public static OptionDescription Variable { get; } = new("--variable", "The C# variable that holds the Microsoft.Data.Analysis.DataFrame to write.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Source { get; } = new("--table", "The catalog table to write, as <database>.<table>; it is loaded as devendpoint load loads it, and a row that does not fit its schema stops the write before anything is written, naming its file, line and column.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Cli,
    };

    /// <summary>The command line's <c>--columns</c> and <c>--where</c>: which columns and rows of the table to write, as a load takes them.</summary>
    public static OptionDescription Columns { get; } = LoadDescription.Columns with { Fronts = Fronts.Cli };

    public static OptionDescription Where { get; } = LoadDescription.Where with { Fronts = Fronts.Cli };

    public static OptionDescription To { get; } = new("--to", "The folder to write into (created when missing), or s3://bucket/prefix with --connection.") { Required = true, Value = OptionValue.File };

    public static OptionDescription Format { get; } = new("--format", "parquet (default), csv (header line, quoted where needed), json (JSON lines) or delta (a Delta Lake table: Parquet files and a commit in _delta_log/, a checkpoint every 10 commits).")
    {
        Allowed = ["parquet", "csv", "json", "delta"],
    };

    public static OptionDescription PartitionBy { get; } = new("--partition-by", "Comma-separated columns whose values make key=value folders, in this order; they are left out of the files.");

    public static OptionDescription Mode { get; } = new("--mode", ModeHelp) { Allowed = ["error-if-exists", "overwrite", "overwrite-table", "append"] };

    public static OptionDescription Compression { get; } = new("--compression", "snappy (Parquet's default), gzip or zstd for Parquet; gzip or none (default) for csv and json.")
    {
        Allowed = ["snappy", "gzip", "zstd", "none"],
    };

    /// <summary>The catalog table to update, as a notebook names it: <c>--catalog</c>, its catalog file being <see cref="CatalogFile"/>.</summary>
    public static OptionDescription CatalogTable { get; } = new("--catalog", TableToUpdateHelp) { Fronts = Fronts.Magic };

    /// <summary>The catalog table to update, as the command line names it, where <c>--catalog</c> is the catalog file of every command.</summary>
    public static OptionDescription CatalogTableCli { get; } = new("--catalog-table", TableToUpdateHelp) { Fronts = Fronts.Cli };

    public static OptionDescription SchemaChange { get; } = new("--schema-change", "When the write changes the catalog table's columns: update (default: store the new schema, widened on append) or log (keep the table as it was and report the change; partitions are still added).")
    {
        Allowed = ["update", "log"],
    };

    public static OptionDescription Connection { get; } = new("--connection", "For an s3:// --to: the catalog's s3 connection to write through (files are written locally, then uploaded; big ones in parts).");

    /// <summary>A notebook's catalog file: <c>--catalog</c> names the table to update there.</summary>
    public static OptionDescription CatalogFile { get; } = new("--catalog-file", $"The catalog file (default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).")
    {
        Value = OptionValue.File,
        Fronts = Fronts.Magic,
    };

    /// <summary>The command line's catalog file, as every command takes it.</summary>
    public static OptionDescription CatalogFileCli { get; } = CommonOptions.Catalog with { Fronts = Fronts.Cli };

    public static OptionDescription Json { get; } = new("--json", "Print JSON instead of text (DevEndpoint's own shape: Glue's API has no such request). One object: {\"Write\":{\"Table\",\"Path\",\"Format\",\"Compression\",\"Mode\",\"Rows\",\"Bytes\",\"Files\",\"Partitions\",\"Removed\",\"DeltaVersion\",\"CatalogTable\",\"TableChange\",\"PartitionsAdded\",\"PartitionsReplaced\",\"PartitionsRemoved\",\"SchemaChangeLogged\",\"Warnings\"}}; members that do not apply (DeltaVersion of a Parquet write, CatalogTable without --catalog-table) are left out.")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Command { get; } = new(
        "write",
        "Write a DataFrame variable (on the command line: a catalog table) as Parquet, CSV or JSON lines files or a Delta Lake table, Hive-partitioned, atomically, and optionally create or update its catalog table.",
        [Variable, Source, Columns, Where, To, Format, PartitionBy, Mode, Compression, CatalogTable, CatalogTableCli, SchemaChange, Connection, CatalogFile, CatalogFileCli, Json]);
}
