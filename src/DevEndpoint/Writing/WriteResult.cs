using System.Globalization;
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

    /// <summary>
    /// Every folder whose earlier files the write deleted, with how many: for <see cref="WriteMode.Overwrite"/> the partitions
    /// it wrote again (the others keep their files), for <see cref="WriteMode.OverwriteTable"/> and an unpartitioned overwrite
    /// every folder that held files. Empty for the other modes.
    /// </summary>
    public IReadOnlyList<RemovedPartition> Removed { get; init; } = [];

    /// <summary>
    /// What the write deleted, in a sentence: <c>Replaced 1 partitions, deleting their 3 earlier files: season=2324 (3 files).
    /// The partitions not written are kept.</c>, or <c>Replaced everything in the folder, deleting its 2 earlier files: ...</c>;
    /// <c>null</c> when it deleted nothing. A Delta overwrite deletes no file: its commit removes them from the table, and says so.
    /// </summary>
    public string? RemovedSummary
    {
        get
        {
            if (Removed.Count == 0)
            {
                return null;
            }

            var files = Removed.Sum(r => r.Files).ToString(CultureInfo.InvariantCulture);
            var list = string.Join(", ", Removed.Select(r => string.Create(CultureInfo.InvariantCulture, $"{(r.Folder.Length == 0 ? "(top level)" : r.Folder)} ({r.Files} files)")));
            if (Format == WriteFormat.Delta)
            {
                return Mode == WriteMode.Overwrite && Partitions.Count > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"Replaced {Removed.Count} partitions: version {DeltaVersion} removes their {files} earlier files from the table (they stay on disk for --version): {list}. The partitions not written are kept.")
                    : string.Create(CultureInfo.InvariantCulture, $"Replaced the whole table: version {DeltaVersion} removes its {files} earlier files from the table (they stay on disk for --version): {list}.");
            }

            return Mode == WriteMode.Overwrite && Partitions.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Replaced {Removed.Count} partitions, deleting their {files} earlier files: {list}. The partitions not written are kept.")
                : $"Replaced everything in the folder, deleting its {files} earlier files: {list}.";
        }
    }

    /// <summary>The version of the Delta table the write committed; <c>null</c> for the other formats.</summary>
    public long? DeltaVersion { get; init; }

    /// <summary>
    /// What went wrong after the write was done, without undoing it: a Delta checkpoint that could not be written (the
    /// commit stands, and readers replay the log from the previous checkpoint). Empty when nothing did.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What was written, in a sentence: <c>Wrote orders (80 rows) to /lake/orders as parquet (snappy compression, mode append): 2 files, 1234 bytes in 2 partitions.</c></summary>
    /// <param name="what">What was written: a variable's or a table's name.</param>
    internal string Summary(string what)
    {
        var partitions = Partitions.Count == 0 ? string.Empty : $" in {Invariant(Partitions.Count)} partitions";
        return $"Wrote {what} ({Invariant(Rows)} rows) to {Path} as {Format.ToString().ToLowerInvariant()} ({Compression} compression, mode {WriteOptions.ModeName(Mode)}): "
            + $"{Invariant(Files.Count)} files, {Invariant(Bytes)} bytes{partitions}."
            + (DeltaVersion is { } version ? $" Committed version {Invariant(version)} of the Delta table." : string.Empty);
    }

    /// <summary>How the catalog table changed, in a sentence; <c>null</c> when the write named none.</summary>
    internal string? TableSummary()
    {
        if (Table is not { } table)
        {
            return null;
        }

        var replaced = PartitionsReplaced == 0 ? string.Empty : $", {Invariant(PartitionsReplaced)} replaced";
        var deleted = PartitionsRemoved == 0 ? string.Empty : $", {Invariant(PartitionsRemoved)} removed";
        return $"Catalog table {table}: {TableChange?.ToString().ToLowerInvariant()}, {Invariant(PartitionsAdded)} partitions added{replaced}{deleted}.";
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The catalog partitions the write added.</summary>
    public int PartitionsAdded { get; init; }

    /// <summary>The catalog partitions an overwrite replaced with what it wrote (their counts are the new files').</summary>
    public int PartitionsReplaced { get; init; }

    /// <summary>The catalog partitions <see cref="WriteMode.OverwriteTable"/> deleted because the write held no rows for them.</summary>
    public int PartitionsRemoved { get; init; }

    /// <summary>The schema change that <see cref="Crawling.SchemaChangePolicy.Log"/> kept out of the table, or <c>null</c>.</summary>
    public string? SchemaChangeLogged { get; init; }
}
