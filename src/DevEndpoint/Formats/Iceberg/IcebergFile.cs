namespace DevEndpoint.Formats.Iceberg;

/// <summary>What a file listed in a manifest holds: rows, or the rows deleted by position or by equal values.</summary>
internal enum IcebergContent
{
    Data = 0,
    PositionDeletes = 1,
    EqualityDeletes = 2,
}

/// <summary>
/// A live file of a snapshot, as its manifest entry describes it: where it is (mapped to the local folder), its
/// partition tuple (partition field id to value), row count, column statistics (bounds decoded by field id), and the
/// data sequence number that decides which deletes apply to it. A deletion vector (v3) is a position-delete entry
/// with a <see cref="ReferencedDataFile"/> and the range of its blob in a Puffin file.
/// </summary>
internal sealed record IcebergFile
{
    public required IcebergContent Content { get; init; }

    /// <summary>The file on this machine.</summary>
    public required string Path { get; init; }

    /// <summary>The path as the metadata writes it (position deletes name data files this way).</summary>
    public required string WrittenPath { get; init; }

    /// <summary><c>PARQUET</c>, <c>ORC</c>, <c>AVRO</c> or <c>PUFFIN</c>.</summary>
    public required string Format { get; init; }

    public required int SpecId { get; init; }

    /// <summary>The partition tuple: partition field id to value (of the transform's result type).</summary>
    public required IReadOnlyDictionary<int, object?> Partition { get; init; }

    public required long RecordCount { get; init; }

    public required long SizeBytes { get; init; }

    public required long SequenceNumber { get; init; }

    public IReadOnlyDictionary<int, object?> LowerBounds { get; init; } = new Dictionary<int, object?>();

    public IReadOnlyDictionary<int, object?> UpperBounds { get; init; } = new Dictionary<int, object?>();

    public IReadOnlyDictionary<int, long> NullCounts { get; init; } = new Dictionary<int, long>();

    public IReadOnlyList<int> EqualityIds { get; init; } = [];

    public string? ReferencedDataFile { get; init; }

    public long? ContentOffset { get; init; }

    public long? ContentSize { get; init; }

    public bool IsDeletionVector => Format == "PUFFIN";
}
