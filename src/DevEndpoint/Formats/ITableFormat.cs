namespace DevEndpoint.Formats;

/// <summary>
/// A table format whose files are described by a log or metadata of its own (Delta Lake, Iceberg, Hudi), all the
/// crawler and the loader need of it: whether a folder is one of its table roots, and the table's definition and live
/// data files at a version. Each format implements it in its own folder and is listed once in <see cref="TableFormats"/>.
/// </summary>
internal interface ITableFormat
{
    /// <summary>Glue's classification of its tables, e.g. <c>delta</c>.</summary>
    string Classification { get; }

    /// <summary>Whether <paramref name="folder"/> in <paramref name="storage"/>, holding these entries (sub-folder names end with <c>/</c>), is a table root of this format.</summary>
    bool IsTableRoot(string folder, IReadOnlyCollection<string> entries, TableStorage storage);

    /// <summary>
    /// The table at <paramref name="root"/> in <paramref name="storage"/> as of <paramref name="at"/>: its schema, partition keys, live files with their
    /// partition values, statistics and deletes. A table that cannot be read (a broken log, a feature the reader does
    /// not support) throws a <see cref="DevEndpointException"/> naming the table, what is wrong and what to do.
    /// </summary>
    Task<TableSnapshot> ReadSnapshotAsync(string root, TableStorage storage, SnapshotSelector at, CancellationToken cancellationToken);

    /// <summary>The table parameters Glue's crawler writes for a table of this format at <paramref name="snapshot"/>.</summary>
    IReadOnlyDictionary<string, string> TableParameters(TableSnapshot snapshot);

    /// <summary>The reader of the data files of a snapshot (physical column names, deletes applied).</summary>
    FormatReader Reader(TableSnapshot snapshot);
}

/// <summary>Which version of a table to read: the latest, a version number, or the one current at a time.</summary>
internal sealed record SnapshotSelector(long? Version = null, DateTimeOffset? AsOf = null)
{
    public static SnapshotSelector Latest { get; } = new();
}
