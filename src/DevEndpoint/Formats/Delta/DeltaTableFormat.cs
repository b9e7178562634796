using System.Globalization;
using DevEndpoint.Formats.Parquet;

namespace DevEndpoint.Formats.Delta;

/// <summary>Delta Lake: a folder with <c>_delta_log/</c> is a table root; its log gives the schema and the live files.</summary>
internal sealed class DeltaTableFormat : ITableFormat
{
    /// <summary>The table parameter that records the version of the log the catalog describes.</summary>
    public const string VersionParameter = "delta.lastCommitVersion";

    public string Classification => "delta";

    public bool IsTableRoot(string folder, IReadOnlyCollection<string> entries, TableStorage storage) => entries.Contains("_delta_log/");

    public Task<TableSnapshot> ReadSnapshotAsync(string root, TableStorage storage, SnapshotSelector at, CancellationToken cancellationToken) =>
        DeltaLog.ReadAsync(root, storage, at, cancellationToken);

    /// <summary>What Glue's crawler writes for a native Delta table, and the version catalogued.</summary>
    public IReadOnlyDictionary<string, string> TableParameters(TableSnapshot snapshot) => new Dictionary<string, string>
    {
        ["classification"] = "delta",
        ["table_type"] = "DELTA",
        ["spark.sql.sources.provider"] = "delta",
        ["EXTERNAL"] = "TRUE",
        [VersionParameter] = snapshot.Version.ToString(CultureInfo.InvariantCulture),
    };

    public FormatReader Reader(TableSnapshot snapshot) =>
        new DeltaRowReader(snapshot, new LocalCopyReader(snapshot.Storage, new ParquetRowReader(snapshot.PhysicalNames)));
}
