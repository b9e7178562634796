using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Delta;
using DevEndpoint.ObjectStores;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Writing;

/// <summary>
/// Writes a frame as a commit of a Delta table: the Parquet data files first, under the table root in Hive-style
/// partition folders (named uniquely, so no reader sees them before the commit lists them), then the commit that adds
/// them (see <see cref="DeltaCommit"/>). A write that fails before it commits deletes its data files: the table is as it
/// was. Then the catalog table, when one is named, is recorded as a crawl of the new version would record it.
/// </summary>
public sealed partial class FrameWriter
{
    /// <summary>Runs between a Delta write's data files and its commit: where another writer's commit may come first.</summary>
    internal Func<Task>? BeforeDeltaCommit { get; init; }

    private async Task<WriteResult> WriteDeltaAsync(DataFrame frame, WriteOptions options, CancellationToken cancellationToken)
    {
        if (S3Path.IsS3(options.Path))
        {
            throw WriteErrors.DeltaOnObjectStore(options.Path);
        }

        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Path));
        var codec = options.Codec();
        var table = TableToUpdate(options);
        var state = await ReadDeltaTableAsync(target, options.Mode, cancellationToken);
        var (keys, data) = DeltaColumns(frame, options, target, state);
        if (table is { } name)
        {
            catalog!.Update(update => CheckDeltaCatalogTable(update.FindTable(name), name, target, options.Mode));
        }

        var written = new List<string>();
        long version;
        List<WrittenPart> parts;
        List<DeltaAdd> removes;
        try
        {
            var files = await WriteDeltaFilesAsync(frame, keys, data, target, codec, written, cancellationToken);
            parts = files.Select(f => f.Part).ToList();
            removes = DeltaRemoves(state, options.Mode, keys, files.Select(f => f.Row).ToList());
            if (BeforeDeltaCommit is { } concurrently)
            {
                await concurrently();
            }

            version = new DeltaCommit
            {
                Mode = options.Mode == WriteMode.Append ? "Append" : options.Mode == WriteMode.ErrorIfExists ? "ErrorIfExists" : "Overwrite",
                PartitionBy = keys.Select(k => k.Name).ToList(),
                Metadata = DeltaMetadataFor(state, options.Mode, keys, data, frame),
                Removes = removes,
                Adds = files.Select(f => f.File).ToList(),
            }.Commit(target, state?.Version ?? -1);
        }
        catch
        {
            DeleteDeltaFiles(target, written);
            throw;
        }

        var interval = DeltaCheckpoint.Interval(state?.Metadata.Configuration ?? new Dictionary<string, string?>());
        var checkpointWarning = await DeltaCheckpoint.TryWriteAsync(target, version, interval, cancellationToken);
        var change = table is { } tableName ? await CatalogDeltaTableAsync(tableName, target, version, options.Connection, cancellationToken) : (TableChange?)null;
        return Result(frame.Rows.Count, options, target, codec, table, keys.Count > 0, parts, null) with
        {
            TableChange = change,
            Warnings = checkpointWarning is null ? [] : [checkpointWarning],
            DeltaVersion = version,
            Removed = RemovedPartition.Of(removes.Select(r => DeltaPaths.Canonical(r.Path))),
        };
    }

    /// <summary>The table's latest version; <c>null</c> when the folder holds no Delta table yet, which a write creates.</summary>
    private static async Task<DeltaTableState?> ReadDeltaTableAsync(string target, WriteMode mode, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(DeltaLog.Folder(target)) || !DeltaLogListing.List(TableStorage.Local, DeltaLog.Folder(target)).Latest.HasValue)
        {
            return HoldsFiles(target) && Directory.EnumerateFileSystemEntries(target).Any(e => Path.GetFileName(e) != "_delta_log")
                ? throw WriteErrors.NotDelta(target)
                : null;
        }

        if (mode == WriteMode.ErrorIfExists)
        {
            throw WriteErrors.DeltaExists(target);
        }

        var state = await DeltaLog.ReadForWriteAsync(target, cancellationToken);
        CheckDeltaWriter(target, state, mode);

        if (mode != WriteMode.Append && state.Metadata.Configuration.TryGetValue("delta.appendOnly", out var appendOnly) && appendOnly == "true")
        {
            throw WriteErrors.DeltaAppendOnly(target, WriteOptions.ModeName(mode));
        }

        return state;
    }

    /// <summary>The writer features a table with column mapping may have for an append: none asks more of a writer that only adds files.</summary>
    private static readonly string[] MappedWriterFeatures = ["columnMapping", "appendOnly", "invariants"];

    /// <summary>
    /// Refuses a table this writer cannot write correctly: above writer version 2, except an append to a table with
    /// column mapping by name (writer version 5, or 7 with only <see cref="MappedWriterFeatures"/>) that has no check
    /// constraints, generated or identity columns, which an append would have to honour.
    /// </summary>
    private static void CheckDeltaWriter(string target, DeltaTableState state, WriteMode mode)
    {
        var protocol = state.Protocol;
        var mapping = state.Metadata.Configuration.GetValueOrDefault("delta.columnMapping.mode") ?? "none";
        if (protocol.MinWriterVersion <= 2 && mapping == "none" && state.Snapshot.PhysicalNames.Count == 0)
        {
            return;
        }

        var mappedByName = mapping == "name"
            && (protocol.MinWriterVersion == 5 || (protocol.MinWriterVersion == 7 && protocol.WriterFeatures.All(MappedWriterFeatures.Contains)))
            && !state.Metadata.Configuration.Keys.Any(k => k.StartsWith("delta.constraints.", StringComparison.Ordinal))
            && !state.Metadata.SchemaString.Contains("\"delta.generationExpression\"", StringComparison.Ordinal)
            && !state.Metadata.SchemaString.Contains("\"delta.identity.", StringComparison.Ordinal);
        if (!mappedByName)
        {
            throw WriteErrors.DeltaWriterVersion(target, protocol.MinWriterVersion, protocol.WriterFeatures);
        }

        if (mode != WriteMode.Append)
        {
            throw WriteErrors.DeltaMappedNotAppend(target, WriteOptions.ModeName(mode));
        }
    }

    /// <summary>
    /// The partition columns (those asked for, else the table's) and the data columns, each with the type it is written
    /// as: the frame's for a new table or one whose schema a whole-table overwrite replaces, else the table's, which the
    /// frame's columns must match by name and fit by type.
    /// </summary>
    private static (List<DeltaColumn> Keys, List<DeltaColumn> Data) DeltaColumns(DataFrame frame, WriteOptions options, string target, DeltaTableState? state)
    {
        var keeps = state is not null && options.Mode != WriteMode.OverwriteTable;
        var partitionBy = options.PartitionBy.Count == 0 && keeps ? state!.Metadata.PartitionColumns : options.PartitionBy;
        var (keys, data) = SplitColumns(frame, options with { PartitionBy = partitionBy });
        if (!keeps)
        {
            return (keys.Select(k => new DeltaColumn(k, k.HiveType)).ToList(), data.Select(c => new DeltaColumn(c, c.HiveType)).ToList());
        }

        var stored = state!.Snapshot.PartitionKeys;
        if (!stored.Select(k => k.Name).SequenceEqual(keys.Select(k => k.Name), StringComparer.OrdinalIgnoreCase))
        {
            throw WriteErrors.DeltaPartitionColumns(target, stored.Select(k => k.Name), keys.Select(k => k.Name), WriteOptions.ModeName(options.Mode));
        }

        var columns = stored.Concat(state.Snapshot.Columns).ToList();
        var differences = SchemaDifferences(keys.Concat(data).ToList(), columns);
        if (differences.Count > 0)
        {
            throw WriteErrors.DeltaSchema(target, WriteOptions.ModeName(options.Mode), differences);
        }

        DeltaColumn Typed(FrameColumn c)
        {
            var stored = columns.First(s => string.Equals(s.Name, c.Name, StringComparison.OrdinalIgnoreCase));
            return new(c, stored.Type) { PhysicalName = state!.Snapshot.PhysicalNames.GetValueOrDefault(stored.Name) };
        }

        return (keys.Select(Typed).ToList(), data.Select(Typed).ToList());
    }

    /// <summary>How the frame's columns differ from the table's, one phrase a difference.</summary>
    private static List<string> SchemaDifferences(List<FrameColumn> written, List<Column> table)
    {
        var differences = new List<string>();
        foreach (var column in written)
        {
            var match = table.Find(s => string.Equals(s.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                differences.Add($"'{column.Name}' ({column.HiveType}) is not in the table");
            }
            else if (!DeltaColumn.Fits(column, match.Type))
            {
                differences.Add($"'{column.Name}' is {column.HiveType} in the frame, {match.Type} in the table");
            }
        }

        differences.AddRange(table
            .Where(s => !written.Any(c => string.Equals(s.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(s => $"'{s.Name}' ({s.Type}) is missing from the frame"));
        return differences;
    }

    /// <summary>
    /// The <c>metaData</c> of the commit: for a new table, its schema (the frame's columns in order), partition columns
    /// and a new id; for a whole-table overwrite that changes them, the new ones under the table's id; otherwise none.
    /// </summary>
    private static DeltaNewMetadata? DeltaMetadataFor(DeltaTableState? state, WriteMode mode, List<DeltaColumn> keys, List<DeltaColumn> data, DataFrame frame)
    {
        if (state is not null && (mode != WriteMode.OverwriteTable || !SchemaChanged(state, keys, data)))
        {
            return null;
        }

        var byName = keys.Concat(data).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var schema = JsonText.Write(new Dictionary<string, object>
        {
            ["type"] = "struct",
            ["fields"] = frame.Columns.Select(c => byName[c.Name].SchemaField).ToList(),
        });
        return new DeltaNewMetadata(state?.Metadata.Id ?? Guid.NewGuid().ToString(), schema, keys.Select(k => k.Name).ToList(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>Whether the columns written differ in name, type or partitioning from the table's.</summary>
    private static bool SchemaChanged(DeltaTableState state, List<DeltaColumn> keys, List<DeltaColumn> data) =>
        !state.Snapshot.PartitionKeys.Select(k => k.Name.ToLowerInvariant()).SequenceEqual(keys.Select(k => k.Name.ToLowerInvariant()), StringComparer.Ordinal)
        || !state.Snapshot.Columns.Select(c => $"{c.Name.ToLowerInvariant()} {c.Type}").Order(StringComparer.Ordinal)
            .SequenceEqual(data.Select(c => $"{c.Name.ToLowerInvariant()} {c.HiveType}").Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
