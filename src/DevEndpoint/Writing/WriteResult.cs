using DevEndpoint.Catalog;

namespace DevEndpoint.Writing;

/// <summary>What a write produced.</summary>
public sealed record WriteResult
{
    /// <summary>The folder written, as a full path.</summary>
    public required string Path { get; init; }

    public required WriteFormat Format { get; init; }

    public required string Compression { get; init; }

    public required WriteMode Mode { get; init; }

    public long Rows { get; init; }

    /// <summary>The files written, relative to <see cref="Path"/> with <c>/</c> separators.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public long Bytes { get; init; }

    /// <summary>The partition folders written (<c>year=2024/month=01</c>), none for an unpartitioned write.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary>The catalog table updated, or <c>null</c>.</summary>
    public TableName? Table { get; init; }

    /// <summary>How the catalog table changed, or <c>null</c> when none was asked for.</summary>
    public TableChange? TableChange { get; init; }

    public int PartitionsAdded { get; init; }

    /// <summary>The schema change that <see cref="Crawling.SchemaChangePolicy.Log"/> kept out of the table, or <c>null</c>.</summary>
    public string? SchemaChangeLogged { get; init; }
}
