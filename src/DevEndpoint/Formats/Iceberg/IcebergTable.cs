using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// An Apache Iceberg table read from its root folder (the one holding <c>metadata/</c>): its current (or a chosen)
/// metadata file, the columns of a snapshot's schema in Hive types, the snapshot's live files, and its rows with
/// position deletes, deletion vectors and equality deletes applied, columns resolved by field id (schema evolution,
/// name mapping, initial defaults, identity partition values missing from data files). The table may have been
/// written elsewhere: the paths in its metadata are mapped to the root (<see cref="IcebergPaths"/>).
/// </summary>
internal sealed class IcebergTable
{
    private readonly IcebergManifests manifests;

    private IcebergTable(string root, TableStorage storage, IcebergMetadata metadata)
    {
        Root = root;
        Storage = storage;
        Metadata = metadata;
        Paths = new IcebergPaths(metadata.Location, root, storage);
        manifests = new IcebergManifests(metadata, Paths, storage);
        NameMapping = metadata.Properties.TryGetValue("schema.name-mapping.default", out var mapping) ? ParseNameMapping(metadata.Path, mapping) : null;
    }

    public string Root { get; }

    /// <summary>Where the table's files are.</summary>
    public TableStorage Storage { get; }

    public IcebergMetadata Metadata { get; }

    public IcebergPaths Paths { get; }

    /// <summary>Column name to field id, from <c>schema.name-mapping.default</c>, for data files written without field ids.</summary>
    public IReadOnlyDictionary<string, int>? NameMapping { get; }

    /// <summary>Whether a folder is an Iceberg table's root (on a local disk unless <paramref name="storage"/> says).</summary>
    public static bool IsTableRoot(string folder, TableStorage? storage = null) => IcebergMetadataFile.IsTableRoot(folder, storage ?? TableStorage.Local);

    /// <summary>
    /// Opens the table at <paramref name="root"/> (on a local disk unless <paramref name="storage"/> says) with its current
    /// metadata file, or the one named (a path or a file name in metadata/).
    /// </summary>
    public static IcebergTable Open(string root, string? metadataFile = null, TableStorage? storage = null)
    {
        storage ??= TableStorage.Local;
        var path = metadataFile is null ? IcebergMetadataFile.Find(root, storage)
            : storage.Exists(metadataFile) ? metadataFile
            : TableStorage.Combine(root, $"metadata/{metadataFile}");
        if (!storage.Exists(path))
        {
            throw IcebergErrors.MissingFile(path, "metadata file", root);
        }

        return new IcebergTable(root, storage, IcebergMetadataFile.Read(path, storage));
    }

    /// <summary>
    /// The snapshot to read: the current one, or by id, or the newest as of a time. <c>null</c> for a table without
    /// snapshots when neither is given.
    /// </summary>
    public IcebergSnapshot? Snapshot(long? snapshotId = null, DateTimeOffset? asOf = null)
    {
        if (snapshotId is { } id)
        {
            return Metadata.Snapshots.FirstOrDefault(s => s.Id == id) ?? throw IcebergErrors.NoSuchSnapshot(Root, id, Metadata.Snapshots.Select(s => s.Id));
        }

        if (asOf is { } time)
        {
            if (Metadata.Snapshots.Count == 0)
            {
                throw IcebergErrors.NoSnapshots(Root);
            }

            return Metadata.Snapshots.Where(s => s.Timestamp <= time).MaxBy(s => s.TimestampMs)
                ?? throw IcebergErrors.BeforeFirstSnapshot(Root, time, Metadata.Snapshots.Min(s => s.Timestamp));
        }

        return Metadata.CurrentSnapshot;
    }

    /// <summary>The schema rows are read with: the current one, or for time travel the one the snapshot was written with.</summary>
    public IcebergSchema Schema(IcebergSnapshot? snapshot, bool timeTravel) =>
        timeTravel && snapshot?.SchemaId is { } id && Metadata.Schemas.TryGetValue(id, out var schema) ? schema : Metadata.CurrentSchema;

    /// <summary>The catalog columns of a schema (Iceberg types as Hive types; a type without one is refused by name).</summary>
    public IReadOnlyList<Column> Columns(IcebergSchema schema) =>
        schema.Fields.Select(f => new Column(ColumnNames.Clean(f.Name), IcebergTypes.Hive(Metadata.Path, f))).ToList();

    /// <summary>The live files of a snapshot (data and delete files); none for no snapshot.</summary>
    public IReadOnlyList<IcebergFile> LiveFiles(IcebergSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return [];
        }

        try
        {
            return manifests.LiveFiles(snapshot);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or NullReferenceException)
        {
            throw IcebergErrors.Malformed(snapshot.ManifestList is { } list ? Paths.Local(list) : Metadata.Path, "a manifest lacks a field the Iceberg spec requires");
        }
    }

    /// <summary>What a data file's statistics say of a column's values (by catalog column name), for skipping files; <c>null</c> when they say nothing.</summary>
    public ValueRange? Range(IcebergSchema schema, IcebergFile file, string column)
    {
        var field = schema.Fields.FirstOrDefault(f => ColumnNames.Clean(f.Name) == column);
        if (field is null)
        {
            return null;
        }

        var nulls = file.NullCounts.TryGetValue(field.Id, out var n) ? n : (long?)null;
        if (nulls == file.RecordCount && file.RecordCount > 0)
        {
            return new ValueRange(null, null, MayHaveNulls: true, AllNull: true);
        }

        return file.LowerBounds.TryGetValue(field.Id, out var min) && file.UpperBounds.TryGetValue(field.Id, out var max) && field.Type is not ("string" or "binary")
            ? new ValueRange(min, max, MayHaveNulls: nulls is not 0, AllNull: false)
            : null;
    }

    /// <summary>
    /// Reads the rows of a snapshot (the current one unless <paramref name="options"/> says), calling
    /// <paramref name="row"/> with each row's values in the schema's column order; returns the schema read.
    /// </summary>
    public async Task<IcebergSchema> ReadAsync(IcebergReadOptions options, Action<object?[]> row, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot(options.SnapshotId, options.AsOf);
        var schema = Schema(snapshot, options.IsTimeTravel);

        // A column type without a Hive type (a nested column) is refused before any file is read.
        _ = Columns(schema);
        var files = LiveFiles(snapshot);
        var deletes = await DeletesAsync(files, cancellationToken);
        var rows = 0L;
        foreach (var file in files.Where(f => f.Content == IcebergContent.Data))
        {
            if (rows >= options.Limit)
            {
                break;
            }

            if (options.SkipFile?.Invoke(schema, file) == true)
            {
                continue;
            }

            rows += await ReadFileAsync(schema, file, deletes, options.Limit - rows, row, cancellationToken);
        }

        return schema;
    }

    /// <summary>Reads a snapshot's rows into the loader's column sinks (by column name; sinks of other columns get nulls). Returns the rows added.</summary>
    public async Task<long> ReadIntoAsync(IReadOnlyList<ColumnSink> sinks, IcebergReadOptions options, CancellationToken cancellationToken)
    {
        var schema = Schema(Snapshot(options.SnapshotId, options.AsOf), options.IsTimeTravel);
        var names = Columns(schema).Select(c => c.Name).ToList();
        var indexes = sinks.Select(s => names.IndexOf(s.Column.Name)).ToArray();
        var rows = 0L;
        await ReadAsync(options, values =>
        {
            rows++;
            for (var i = 0; i < sinks.Count; i++)
            {
                if (indexes[i] >= 0)
                {
                    sinks[i].AddValue(values[indexes[i]]);
                }
                else
                {
                    sinks[i].AddNull();
                }
            }
        }, cancellationToken);
        return rows;
    }

    /// <summary>The deletes of a snapshot's live files, to read its data files one at a time with <see cref="ReadFileAsync"/>.</summary>
    public Task<IcebergDeletes> DeletesAsync(IReadOnlyList<IcebergFile> files, CancellationToken cancellationToken) =>
        IcebergDeletes.ReadAsync(files.Where(f => f.Content != IcebergContent.Data), this, manifests.SourceField, cancellationToken);

    /// <summary>Reads one data file's rows, its deletes applied, calling <paramref name="emit"/> with each row's values in the schema's order; returns the rows emitted.</summary>
    public async Task<long> ReadFileAsync(IcebergSchema schema, IcebergFile file, IcebergDeletes deletes, long limit, Action<object?[]> emit, CancellationToken cancellationToken)
    {
        if (!Storage.Exists(file.Path))
        {
            throw IcebergErrors.MissingFile(file.Path, "data file", "a manifest of the snapshot");
        }

        var deleted = deletes.PositionsFor(file);
        var equalities = deletes.EqualityFor(file);
        var fields = schema.Fields.Concat(equalities.SelectMany(e => e.Fields)).DistinctBy(f => f.Id).ToList();
        object?[]?[] columns;
        long rows;
        try
        {
            (rows, columns) = await IcebergParquet.ReadAsync(Storage, file.Path, fields, NameMapping, cancellationToken);
        }
        catch (Exception e) when (e is not DevEndpointException and not OperationCanceledException)
        {
            throw IcebergErrors.BadFile(file.Path, "data file", e.Message);
        }

        var constants = fields.Select((f, i) => columns[i] is null ? Missing(file, f) : null).ToArray();
        var index = fields.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var keys = equalities.Select(e => e.Fields.Select(f => index[f.Id]).ToArray()).ToList();
        var added = 0L;
        for (var r = 0L; r < rows && added < limit; r++)
        {
            if (deleted?.Contains(r) == true)
            {
                continue;
            }

            var values = new object?[fields.Count];
            for (var c = 0; c < fields.Count; c++)
            {
                values[c] = columns[c] is { } column ? column[r] : constants[c];
            }

            if (equalities.Where((e, i) => e.Keys.Contains(IcebergDeletes.Key(keys[i].Select(k => values[k])))).Any())
            {
                continue;
            }

            emit(values.Length == schema.Fields.Count ? values : values[..schema.Fields.Count]);
            added++;
        }

        return added;
    }

    /// <summary>
    /// The value of a field a data file does not hold: the file's identity partition value for it, else its
    /// initial default, else null (as the spec orders them).
    /// </summary>
    private object? Missing(IcebergFile file, IcebergField field)
    {
        if (Metadata.PartitionSpecs.TryGetValue(file.SpecId, out var spec)
            && spec.Fields.FirstOrDefault(p => p.SourceId == field.Id && p.Transform == "identity") is { } identity
            && file.Partition.TryGetValue(identity.FieldId, out var value))
        {
            return value;
        }

        return field.InitialDefault is { } json ? IcebergTypes.FromJson(Metadata.Path, field, json) : null;
    }

    private static Dictionary<string, int> ParseNameMapping(string path, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var mapping = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (entry.TryGetProperty("field-id", out var id) && entry.TryGetProperty("names", out var names))
                {
                    foreach (var name in names.EnumerateArray())
                    {
                        mapping[name.GetString() ?? string.Empty] = id.GetInt32();
                    }
                }
            }

            return mapping;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw IcebergErrors.Malformed(path, "its schema.name-mapping.default is not a valid name mapping");
        }
    }
}

/// <summary>What a read of an Iceberg table takes: a snapshot by id or by time (else the current one), a row limit, and a test that skips a data file by its statistics.</summary>
internal sealed record IcebergReadOptions
{
    public long? SnapshotId { get; init; }

    public DateTimeOffset? AsOf { get; init; }

    public long Limit { get; init; } = long.MaxValue;

    public bool IsTimeTravel => SnapshotId is not null || AsOf is not null;

    /// <summary>Whether a data file can be skipped (its statistics show no row the load keeps).</summary>
    public Func<IcebergSchema, IcebergFile, bool>? SkipFile { get; init; }
}
