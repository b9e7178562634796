using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Delta;
using DevEndpoint.ObjectStores;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Writing;

/// <summary>The data files of a Delta write, the files an overwrite removes, and the catalog table of the new version.</summary>
public sealed partial class FrameWriter
{
    /// <summary>
    /// One Parquet file per partition (none for an empty frame), named as Spark names them with the write's id, in its
    /// <c>key=value</c> folders under the table root; each with the <c>add</c> the commit makes of it. Every file made is
    /// listed in <paramref name="written"/> as soon as it is created, so a failure deletes it.
    /// </summary>
    private static async Task<List<DeltaPart>> WriteDeltaFilesAsync(
        DataFrame frame, List<DeltaColumn> keys, List<DeltaColumn> data, string target, string codec, List<string> written, CancellationToken cancellationToken)
    {
        var writeId = Guid.NewGuid().ToString();
        var groups = Enumerable.Range(0, (int)frame.Rows.Count).Select(r => (long)r)
            .GroupBy(row => string.Join('/', keys.Select(k => $"{EscapePartitionName(k.Name)}={EscapePartitionName(k.PartitionValue(row) ?? NullPartitionValue)}")), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var fields = data.Select(d => d.Field).ToList();
        var extension = (codec == Formats.Compression.None ? string.Empty : $".{codec}") + ".parquet";
        var parts = new List<DeltaPart>();
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = group.ToList();
            var name = $"part-{parts.Count:D5}-{writeId}-c000{extension}";
            var relative = group.Key.Length == 0 ? name : $"{group.Key}/{name}";
            var path = Path.Combine(target, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            written.Add(path);
            await WriteParquetAsync(path, data.Select(d => d.Column).ToList(), rows, codec, cancellationToken, fields);
            var info = new FileInfo(path);
            var values = keys.ToDictionary(k => k.FileName, k => k.PartitionValue(rows[0]), StringComparer.Ordinal);
            parts.Add(new DeltaPart(
                new WrittenPart(group.Key, values.Values.Select(v => v ?? NullPartitionValue).ToList(), [relative], rows.Count, info.Length),
                new DeltaNewFile(relative, values, info.Length, new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds(), DeltaStatistics.Of(data, rows)),
                rows[0]));
        }

        return parts;
    }

    /// <summary>
    /// The live files the commit removes: none for an append; every one for a whole-table or unpartitioned overwrite;
    /// for a partition overwrite, those of the partitions the frame holds rows for (by the values the log gives them).
    /// </summary>
    private static List<DeltaAdd> DeltaRemoves(DeltaTableState? state, WriteMode mode, List<DeltaColumn> keys, List<long> firstRows)
    {
        if (state is null || mode == WriteMode.Append)
        {
            return [];
        }

        if (mode == WriteMode.OverwriteTable || keys.Count == 0)
        {
            return state.Files.ToList();
        }

        var written = firstRows.Select(row => string.Join('\u0001', keys.Select(k => k.MatchText(row)))).ToHashSet(StringComparer.Ordinal);
        var byPath = state.Snapshot.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        return state.Files
            .Where(add => byPath.TryGetValue(DeltaPaths.Full(TableStorage.Local, state.Snapshot.Root, add.Path), out var file)
                && written.Contains(string.Join('\u0001', keys.Select(k => file.PartitionValues.GetValueOrDefault(k.Name)))))
            .ToList();
    }

    /// <summary>Deletes the data files of a write that did not commit, and the partition folders left empty by it.</summary>
    private static void DeleteDeltaFiles(string target, List<string> written)
    {
        foreach (var file in written.Where(File.Exists))
        {
            File.Delete(file);
        }

        foreach (var file in written)
        {
            for (var folder = Path.GetDirectoryName(file)!; folder.Length > target.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder)!)
            {
                Directory.Delete(folder);
            }
        }
    }

    /// <summary>A Delta write names a catalog table at its location that is a Delta table (or that a whole-table overwrite replaces).</summary>
    private static void CheckDeltaCatalogTable(CatalogTable? existing, TableName name, string target, WriteMode mode)
    {
        if (existing is null)
        {
            return;
        }

        if (existing.StorageDescriptor.Location != target + "/")
        {
            throw WriteErrors.OtherLocation(name, existing.StorageDescriptor.Location, target + "/");
        }

        if (existing.Parameter("classification") != "delta" && mode != WriteMode.OverwriteTable)
        {
            throw WriteErrors.CatalogNotDelta(name, existing.Parameter("classification"));
        }
    }

    /// <summary>Records the version committed in the catalog, as a crawl of the table would: the log's schema, partition keys, version and counts.</summary>
    private async Task<TableChange> CatalogDeltaTableAsync(TableName name, string target, long version, string? connection, CancellationToken cancellationToken)
    {
        var format = TableFormats.All.OfType<DeltaTableFormat>().Single();
        var snapshot = await format.ReadSnapshotAsync(target, TableStorage.Local, new SnapshotSelector(version), cancellationToken);
        var more = connection is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ObjectStoreConnections.ConnectionParameter] = connection };
        var (table, _) = Crawler.FormatTable(name, target + "/", format, snapshot, more);
        var change = TableChange.Unchanged;
        catalog!.Update(update =>
        {
            update.EnsureDatabase(new Database { Name = name.Database });
            change = update.PutTable(table);
        });
        return change;
    }

    /// <summary>A data file of a Delta write: as the write's result lists it, as the commit adds it, and the first of its rows (for its partition values).</summary>
    private sealed record DeltaPart(WrittenPart Part, DeltaNewFile File, long Row);
}
