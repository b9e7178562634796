using System.Globalization;
using System.Runtime.CompilerServices;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// Apache Iceberg: a folder holding <c>metadata/</c> with a metadata file is a table root; its current (or chosen)
/// snapshot gives the schema and the live data files, each with its statistics for skipping, read with its deletes.
/// </summary>
internal sealed class IcebergTableFormat : ITableFormat
{
    /// <summary>The table parameter that records the snapshot the catalog describes.</summary>
    public const string SnapshotParameter = "iceberg.currentSnapshotId";

    /// <summary>The opened table and deletes of each snapshot read, for its reader.</summary>
    private readonly ConditionalWeakTable<TableSnapshot, Opened> opened = [];

    public string Classification => "iceberg";

    public bool IsTableRoot(string folder, IReadOnlyCollection<string> entries, TableStorage storage) =>
        entries.Contains("metadata/") && IcebergTable.IsTableRoot(folder, storage);

    public async Task<TableSnapshot> ReadSnapshotAsync(string root, TableStorage storage, SnapshotSelector at, CancellationToken cancellationToken)
    {
        var table = IcebergTable.Open(root, storage: storage);
        var current = table.Snapshot(at.Version, at.AsOf);
        var schema = table.Schema(current, at.Version is not null || at.AsOf is not null);
        var columns = table.Columns(schema);
        var live = table.LiveFiles(current);
        var deletes = await table.DeletesAsync(live, cancellationToken);
        var anyDeletes = live.Any(f => f.Content != IcebergContent.Data);
        var data = live.Where(f => f.Content == IcebergContent.Data).ToList();
        var files = data.Select(f => new SnapshotFile(f.Path, new Dictionary<string, string?>(), f.SizeBytes)
        {
            Statistics = new FileStatistics(
                anyDeletes ? null : f.RecordCount,
                columns.Select(c => (c.Name, Range: table.Range(schema, f, c.Name))).Where(r => r.Range is not null).ToDictionary(r => r.Name, r => r.Range!)),
        }).ToList();
        var snapshot = new TableSnapshot(root, current?.Id ?? -1, current?.Timestamp, columns, [], files)
        {
            Properties = table.Metadata.Properties,
            Storage = storage,
            LogFilesRead = table.Metadata.PreviousFile is { } previous ? [table.Metadata.Path, table.Paths.Local(previous)] : [table.Metadata.Path],
        };
        opened.Add(snapshot, new Opened(table, schema, data.ToDictionary(f => f.Path, StringComparer.Ordinal), deletes));
        return snapshot;
    }

    /// <summary>What Glue's crawler writes for an Iceberg table, and the snapshot catalogued.</summary>
    public IReadOnlyDictionary<string, string> TableParameters(TableSnapshot snapshot)
    {
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = "iceberg",
            ["table_type"] = "ICEBERG",
            ["metadata_location"] = snapshot.LogFilesRead[0],
            ["EXTERNAL"] = "TRUE",
        };
        if (snapshot.LogFilesRead.Count > 1)
        {
            parameters["previous_metadata_location"] = snapshot.LogFilesRead[1];
        }

        if (snapshot.Version >= 0)
        {
            parameters[SnapshotParameter] = snapshot.Version.ToString(CultureInfo.InvariantCulture);
        }

        return parameters;
    }

    public FormatReader Reader(TableSnapshot snapshot) =>
        opened.TryGetValue(snapshot, out var table) ? new IcebergRowReader(table) : throw new InvalidOperationException("The snapshot was not read by this format.");

    /// <summary>A snapshot's table, the schema its rows are read with, its data files by path, and its deletes.</summary>
    internal sealed record Opened(IcebergTable Table, IcebergSchema Schema, IReadOnlyDictionary<string, IcebergFile> Files, IcebergDeletes Deletes);
}
