using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>A table of a table format (<see cref="ITableFormat"/>) at one version.</summary>
/// <param name="Root">The table's root folder.</param>
/// <param name="Version">The version (a Delta commit, an Iceberg snapshot id, a Hudi instant as a number).</param>
/// <param name="Timestamp">When the version was committed, when known.</param>
/// <param name="Columns">The data columns, by their logical names, in Hive's types (nested types included).</param>
/// <param name="PartitionKeys">The partition columns, with their types.</param>
/// <param name="Files">The live data files.</param>
internal sealed record TableSnapshot(
    string Root, long Version, DateTimeOffset? Timestamp, IReadOnlyList<Column> Columns, IReadOnlyList<Column> PartitionKeys, IReadOnlyList<SnapshotFile> Files)
{
    /// <summary>
    /// The names of fields in the data files where they differ from the logical ones (column mapping): by the logical
    /// path of the field (<c>address.city</c>), its name in the files.
    /// </summary>
    public IReadOnlyDictionary<string, string> PhysicalNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The table's own properties (Delta's <c>configuration</c>).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the table's files are, for its reader.</summary>
    public TableStorage Storage { get; init; } = TableStorage.Local;

    /// <summary>The log or metadata files read to build the snapshot, in the order read.</summary>
    public IReadOnlyList<string> LogFilesRead { get; init; } = [];
}

/// <summary>A live data file of a snapshot.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="PartitionValues">Its partition values by partition key, as text (<c>null</c> for a null).</param>
/// <param name="Size">Its size in bytes.</param>
internal sealed record SnapshotFile(string Path, IReadOnlyDictionary<string, string?> PartitionValues, long Size)
{
    /// <summary>What the table's log says of the file's values; <c>null</c> when it says nothing.</summary>
    public FileStatistics? Statistics { get; init; }

    /// <summary>The rows of the file that are deleted; <c>null</c> when none are.</summary>
    public RowDeletes? Deletes { get; init; }
}

/// <summary>A data file's row count and, by column (logical name), its smallest and largest values and null count.</summary>
internal sealed record FileStatistics(long? Records, IReadOnlyDictionary<string, ValueRange> Ranges);

/// <summary>The deleted rows of a data file (by position in the file, from 0), read when the file is read.</summary>
internal abstract class RowDeletes
{
    /// <summary>How many rows are deleted, when known without reading them.</summary>
    public abstract long? Count { get; }

    /// <summary>The positions of the deleted rows.</summary>
    public abstract IReadOnlySet<long> Read();
}
