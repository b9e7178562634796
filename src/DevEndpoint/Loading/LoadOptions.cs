using DevEndpoint.Catalog;
using DevEndpoint.Frames;
namespace DevEndpoint.Loading;

/// <summary>What part of a table to load, and what to do with rows that do not fit its schema.</summary>
public sealed record LoadOptions
{
    /// <summary>Columns to return, in this order; <c>null</c> for all columns (data columns, then partition keys).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// A predicate over any columns (see <see cref="PartitionPredicate"/>): its terms on partition keys prune partitions,
    /// the whole predicate filters the rows read; <c>null</c> for every row.
    /// </summary>
    public string? Where { get; init; }

    /// <summary>Stop after this many rows; <c>null</c> for no limit.</summary>
    public long? Limit { get; init; }

    /// <summary>Keep each row with this probability (0 &lt; fraction ≤ 1), the same rows on every load; <c>null</c> for every row.</summary>
    public double? SampleFraction { get; init; }

    /// <summary>Keep about this many rows spread over the whole table, the same rows on every load; <c>null</c> for every row.</summary>
    public long? SampleRows { get; init; }

    /// <summary>What happens to a row with a value that does not fit its column's type.</summary>
    public BadRecordMode Mode { get; init; } = BadRecordMode.Permissive;

    /// <summary>
    /// The most bad rows a permissive or drop-malformed load accepts before it fails; <c>null</c> for no limit.
    /// </summary>
    public long? ErrorThreshold { get; init; }

    /// <summary>How string columns are held in memory.</summary>
    public StringStorage Strings { get; init; } = StringStorage.Auto;

    /// <summary>
    /// The job whose bookmark the load follows (see <c>Jobs.JobBookmarks</c>): only files its committed runs did not
    /// process are read, and they join its pending run; <c>null</c> to read every file. Not with a limit or a sample.
    /// </summary>
    public string? Bookmark { get; init; }

    /// <summary>
    /// Database tables: a numeric column whose range (between its minimum and maximum) is split into
    /// <see cref="HashPartitions"/> parts read at once, as Glue's <c>hashfield</c>; <c>null</c> to read in one query.
    /// </summary>
    public string? HashField { get; init; }

    /// <summary>Database tables: how many parts <see cref="HashField"/> splits a read into (Glue's <c>hashpartitions</c>; default 7 with a hash field).</summary>
    public int? HashPartitions { get; init; }

    /// <summary>
    /// Database tables: a column whose values only grow (an id, an insert time). A load reads the rows past the
    /// largest value the previous load with this key read, and then keeps the new largest value in the catalog.
    /// </summary>
    public string? BookmarkKey { get; init; }

    /// <summary>
    /// Tables of files: read only these of the table's files (full paths, as <see cref="TableLoader.ListFilesAsync"/> gives
    /// them), as a task of a distributed job does with its share; <c>null</c> to read every file.
    /// </summary>
    internal IReadOnlySet<string>? Files { get; init; }

    /// <summary>
    /// Tables in <c>s3://</c>: the connection to read the objects through (its definition, as a distributed job's task
    /// carries it; the keys come from this process's environment); <c>null</c> for the one the table names in the catalog.
    /// </summary>
    internal Connection? Connection { get; init; }

    /// <summary>Tables of a table format: the version to read (a Delta version, an Iceberg snapshot id, a Hudi instant; time travel); <c>null</c> for the latest. Not with <see cref="AsOf"/>.</summary>
    public long? Version { get; init; }

    /// <summary>Tables of a table format: read the version that was current at this time (the newest committed at or before it); <c>null</c> for the latest.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Reads the time of <c>--as-of</c>: ISO 8601, a time without a zone taken as UTC.</summary>
    public static DateTimeOffset ParseAsOf(string text) =>
        DateTimeOffset.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new DevEndpointException($"'{text}' is not a time. Give --as-of as ISO 8601, e.g. 2024-05-01T12:00:00Z (without a zone, UTC).");

    /// <summary>Reads a bad-record mode by the name the magics and the CLI take: <c>permissive</c>, <c>failfast</c> or <c>dropmalformed</c>.</summary>
    public static BadRecordMode ParseMode(string name) => name.Trim().ToLowerInvariant() switch
    {
        "permissive" => BadRecordMode.Permissive,
        "failfast" or "fail-fast" => BadRecordMode.FailFast,
        "dropmalformed" or "drop-malformed" => BadRecordMode.DropMalformed,
        _ => throw new DevEndpointException($"Unknown mode '{name}'. Use permissive (bad rows set aside), failfast (stop at the first bad row) or dropmalformed (bad rows dropped and counted)."),
    };

    /// <summary>Reads a string storage by the name the magics and the CLI take: <c>auto</c>, <c>dotnet</c> or <c>utf8</c>.</summary>
    public static StringStorage ParseStrings(string name) => name.Trim().ToLowerInvariant() switch
    {
        "auto" => StringStorage.Auto,
        "dotnet" => StringStorage.Dotnet,
        "utf8" => StringStorage.Utf8,
        _ => throw new DevEndpointException($"Unknown string storage '{name}'. Use auto, dotnet (.NET strings) or utf8 (UTF-8 bytes: less memory, read-only)."),
    };
}

/// <summary>Spark's and Glue's names for what a load does with bad records.</summary>
public enum BadRecordMode
{
    /// <summary>Bad rows are left out of the frame and kept, with file, line, column and reason, in an error frame.</summary>
    Permissive,

    /// <summary>The first bad row stops the load, naming its file, line, column and value.</summary>
    FailFast,

    /// <summary>Bad rows are left out and only counted.</summary>
    DropMalformed,
}
