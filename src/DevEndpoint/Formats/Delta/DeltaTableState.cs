namespace DevEndpoint.Formats.Delta;

/// <summary>
/// The latest version of a Delta table as a writer reads it before it commits: the snapshot a reader sees, and the log's
/// protocol, metadata and live files (with their paths as the log writes them, which a <c>remove</c> must repeat).
/// </summary>
internal sealed record DeltaTableState(TableSnapshot Snapshot, DeltaProtocol Protocol, DeltaMetadata Metadata, IReadOnlyList<DeltaAdd> Files)
{
    /// <summary>The version read, which the next commit follows.</summary>
    public long Version => Snapshot.Version;
}

/// <summary>A data file a commit adds: its path under the table root (<c>/</c> separators, not yet URL-encoded), partition values, size, time and statistics.</summary>
/// <param name="RelativePath">The path under the table root, e.g. <c>year=2024/part-00000-....parquet</c>.</param>
/// <param name="PartitionValues">By partition column, the value as the protocol serialises it; <c>null</c> for a null.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="ModificationTime">When the file was written, in milliseconds since the Unix epoch.</param>
/// <param name="Stats">The <c>stats</c> JSON: <c>numRecords</c>, <c>minValues</c>, <c>maxValues</c>, <c>nullCount</c>.</param>
internal sealed record DeltaNewFile(string RelativePath, IReadOnlyDictionary<string, string?> PartitionValues, long Size, long ModificationTime, string Stats);

/// <summary>The <c>metaData</c> action a commit that creates a table (or replaces its schema) writes.</summary>
/// <param name="Id">The table's id, a UUID kept for the table's life.</param>
/// <param name="SchemaString">The schema in Delta's JSON form (Spark's <c>StructType</c>).</param>
/// <param name="PartitionColumns">The partition columns, in order.</param>
/// <param name="CreatedTime">When the table was created, in milliseconds since the Unix epoch.</param>
internal sealed record DeltaNewMetadata(string Id, string SchemaString, IReadOnlyList<string> PartitionColumns, long CreatedTime);
