namespace DevEndpoint.Commands;

/// <summary><c>#!load</c> and <c>devendpoint load</c>.</summary>
internal static class LoadDescription
{
    public static OptionDescription Table { get; } = new("--table", "The table, as <database>.<table>.") { Positional = true, Required = true };

    public static OptionDescription As { get; } = new("--as", "The name of the C# variable that receives the DataFrame.") { Required = true, Fronts = Fronts.Magic };

    public static OptionDescription Columns { get; } = new("--columns", "Comma-separated columns to load, in this order (default: all, partition keys last).");

    public static OptionDescription Where { get; } = new("--where", "A predicate over any columns: terms on partition keys prune partitions before any file is read, the rest filters the rows (for a database table, run by the database with parameters): =, <>, <, >, <=, >=, AND, OR, NOT, IN, BETWEEN, LIKE, IS NULL; e.g. \"season = '2324' AND FTHG > 2\".");

    public static OptionDescription Limit { get; } = new("--limit", "Load at most this many rows (reading stops as soon as they are read).") { Value = OptionValue.Number };

    public static OptionDescription Sample { get; } = new("--sample", "Keep about this share of rows, 0 < f <= 1 (the same rows on every load), for a quick look at a big table.") { Value = OptionValue.Number };

    public static OptionDescription SampleRows { get; } = new("--sample-rows", "Keep about this many rows, spread over the whole table (the same rows on every load).") { Value = OptionValue.Number };

    public static OptionDescription Mode { get; } = new("--mode", "What to do with rows whose values do not fit the schema: permissive (default: set aside, counted and shown), failfast (stop at the first, naming file, line and column), dropmalformed (dropped and counted).")
    {
        Allowed = ["permissive", "failfast", "dropmalformed"],
    };

    public static OptionDescription ErrorThreshold { get; } = new("--error-threshold", "Fail the load when more rows than this are bad (default: no limit).") { Value = OptionValue.Number };

    public static OptionDescription ErrorsAs { get; } = new("--errors-as", "The name of a C# variable that receives the rows set aside (file, line, column, value, reason) as a DataFrame.") { Fronts = Fronts.Magic };

    public static OptionDescription Strings { get; } = new("--strings", "How string columns are held: auto (default: repeated values as shared .NET strings, values that rarely repeat as UTF-8 bytes), dotnet (.NET strings, editable) or utf8 (UTF-8 bytes: about half the memory for long text; read-only).")
    {
        Allowed = ["auto", "dotnet", "utf8"],
    };

    public static OptionDescription Bookmark { get; } = new("--bookmark", "A job's bookmark: read only the files its committed runs did not process (new, or changed in size or time); they join its pending run, which {front}bookmark commit <job> makes processed.");

    public static OptionDescription Version { get; } = new("--version", "Delta, Iceberg, Hudi tables: load this version (a Delta version, an Iceberg snapshot id, a Hudi instant; default: the latest).") { Value = OptionValue.Number };

    public static OptionDescription AsOf { get; } = new("--as-of", "Delta, Iceberg, Hudi tables: load the version that was current at this time, as ISO 8601 (2024-05-01T12:00:00Z; without a zone, UTC).");

    /// <summary>A notebook shows the DataFrame itself; the command line prints rows, or this summary to compare engines.</summary>
    public static OptionDescription Summary { get; } = new("--summary", "Print one JSON object instead of rows: rows, per column name, type, nulls, sum (numbers) or utf8Bytes (strings), and badRows, elapsedMs, peakWorkingSetBytes.")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription HashField { get; } = new("--hash-field", "Database tables: a numeric column whose range is split into --hash-partitions reads run at once (Glue's hashfield).");

    public static OptionDescription HashPartitions { get; } = new("--hash-partitions", "Database tables: how many reads --hash-field splits the load into (default 7).") { Value = OptionValue.Number };

    public static OptionDescription BookmarkKey { get; } = new("--bookmark-key", "Database tables: a column whose values only grow; load only the rows past the last load's largest value, then keep the new largest in the catalog.");

    public static CommandDescription Command { get; } = new(
        "load",
        "Load a catalog table into a Microsoft.Data.Analysis.DataFrame variable (on the command line: print its first rows, or a summary to check it against another engine), pruning partitions and filtering rows by a predicate and keeping only the columns asked for.",
        [Table, As, Columns, Where, Limit, Sample, SampleRows, Mode, ErrorThreshold, ErrorsAs, Strings, Bookmark, Version, AsOf, Summary, HashField, HashPartitions, BookmarkKey, CommonOptions.Catalog]);
}
