using System.Text.Json;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// An Iceberg table metadata file (format v1, v2 or v3), parsed: its schemas by id, partition specs by id, snapshots,
/// refs and properties. v1's deprecated top-level <c>schema</c> and <c>partition-spec</c> are read when the lists are absent.
/// </summary>
internal sealed record IcebergMetadata
{
    public required string Path { get; init; }

    public required int FormatVersion { get; init; }

    /// <summary>The table's <c>location</c> as the writer recorded it (it may name another machine).</summary>
    public required string Location { get; init; }

    public required IReadOnlyDictionary<int, IcebergSchema> Schemas { get; init; }

    public required int CurrentSchemaId { get; init; }

    public required IReadOnlyDictionary<int, IcebergPartitionSpec> PartitionSpecs { get; init; }

    public required int DefaultSpecId { get; init; }

    public required IReadOnlyList<IcebergSnapshot> Snapshots { get; init; }

    public required long? CurrentSnapshotId { get; init; }

    /// <summary>Named branches and tags: name to snapshot id.</summary>
    public required IReadOnlyDictionary<string, long> Refs { get; init; }

    public required IReadOnlyDictionary<string, string> Properties { get; init; }

    /// <summary>The metadata file this one replaced (the last entry of its <c>metadata-log</c>), as written; <c>null</c> for the first.</summary>
    public string? PreviousFile { get; init; }

    public IcebergSchema CurrentSchema => Schemas[CurrentSchemaId];

    public IcebergSnapshot? CurrentSnapshot => CurrentSnapshotId is { } id ? Snapshots.FirstOrDefault(s => s.Id == id) : null;

    public static IcebergMetadata Parse(string path, JsonElement root)
    {
        var version = root.TryGetProperty("format-version", out var v) ? v.GetInt32() : 1;
        if (version is < 1 or > 3)
        {
            throw IcebergErrors.Unsupported(path, $"table format version {version}");
        }

        var schemas = root.TryGetProperty("schemas", out var list)
            ? list.EnumerateArray().Select(IcebergSchema.Parse).ToDictionary(s => s.Id)
            : new Dictionary<int, IcebergSchema> { [0] = IcebergSchema.Parse(root.GetProperty("schema")) };
        var currentSchema = root.TryGetProperty("current-schema-id", out var cs) ? cs.GetInt32() : schemas.Keys.First();
        var specs = root.TryGetProperty("partition-specs", out var specList)
            ? specList.EnumerateArray().Select(IcebergPartitionSpec.Parse).ToDictionary(s => s.Id)
            : new Dictionary<int, IcebergPartitionSpec> { [0] = new(0, root.TryGetProperty("partition-spec", out var bare) ? IcebergPartitionSpec.ParseFields(bare) : []) };
        var currentSnapshot = root.TryGetProperty("current-snapshot-id", out var current) && current.ValueKind == JsonValueKind.Number && current.GetInt64() != -1
            ? current.GetInt64()
            : (long?)null;
        return new IcebergMetadata
        {
            Path = path,
            FormatVersion = version,
            Location = root.GetProperty("location").GetString() ?? string.Empty,
            Schemas = schemas,
            CurrentSchemaId = schemas.ContainsKey(currentSchema) ? currentSchema : throw IcebergErrors.Malformed(path, $"its current-schema-id {currentSchema} names no schema"),
            PartitionSpecs = specs,
            DefaultSpecId = root.TryGetProperty("default-spec-id", out var ds) ? ds.GetInt32() : 0,
            Snapshots = root.TryGetProperty("snapshots", out var snaps) ? snaps.EnumerateArray().Select(IcebergSnapshot.Parse).ToList() : [],
            CurrentSnapshotId = currentSnapshot,
            Refs = root.TryGetProperty("refs", out var refs)
                ? refs.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetProperty("snapshot-id").GetInt64(), StringComparer.Ordinal)
                : new Dictionary<string, long>(StringComparer.Ordinal),
            Properties = root.TryGetProperty("properties", out var props)
                ? props.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            PreviousFile = root.TryGetProperty("metadata-log", out var log) && log.ValueKind == JsonValueKind.Array && log.GetArrayLength() > 0
                && log[log.GetArrayLength() - 1].TryGetProperty("metadata-file", out var file)
                ? file.GetString()
                : null,
        };
    }
}

/// <summary>A schema: its top-level fields in order, and the field ids that identify rows for equality deletes.</summary>
internal sealed record IcebergSchema(int Id, IReadOnlyList<IcebergField> Fields)
{
    public IcebergField? Field(int id) => Fields.FirstOrDefault(f => f.Id == id);

    public static IcebergSchema Parse(JsonElement schema) => new(
        schema.TryGetProperty("schema-id", out var id) ? id.GetInt32() : 0,
        schema.GetProperty("fields").EnumerateArray().Select(IcebergField.Parse).ToList());
}

/// <summary>
/// A top-level field: its id, name and type (<c>int</c>, <c>decimal(10,2)</c>, ...; a nested type is kept as its JSON
/// and refused when read), and the v3 <c>initial-default</c> that rows written before the field existed take.
/// </summary>
internal sealed record IcebergField(int Id, string Name, bool Required, string Type, JsonElement? InitialDefault)
{
    public static IcebergField Parse(JsonElement field)
    {
        var type = field.GetProperty("type");
        return new IcebergField(
            field.GetProperty("id").GetInt32(),
            field.GetProperty("name").GetString() ?? string.Empty,
            field.TryGetProperty("required", out var r) && r.GetBoolean(),
            type.ValueKind == JsonValueKind.String ? type.GetString()! : type.GetProperty("type").GetString()!,
            field.TryGetProperty("initial-default", out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null);
    }
}

/// <summary>A partition spec: fields computed from source columns by transforms (<c>identity</c>, <c>hour</c>, <c>bucket[16]</c>, ...).</summary>
internal sealed record IcebergPartitionSpec(int Id, IReadOnlyList<IcebergPartitionField> Fields)
{
    public static IcebergPartitionSpec Parse(JsonElement spec) => new(spec.GetProperty("spec-id").GetInt32(), ParseFields(spec.GetProperty("fields")));

    public static IReadOnlyList<IcebergPartitionField> ParseFields(JsonElement fields) => fields.EnumerateArray()
        .Select((f, i) => new IcebergPartitionField(
            f.GetProperty("name").GetString() ?? string.Empty,
            f.GetProperty("transform").GetString() ?? string.Empty,
            f.GetProperty("source-id").GetInt32(),
            f.TryGetProperty("field-id", out var id) ? id.GetInt32() : 1000 + i))
        .ToList();
}

internal sealed record IcebergPartitionField(string Name, string Transform, int SourceId, int FieldId);

/// <summary>
/// A snapshot: its manifest list (or, in old v1 metadata, the manifests themselves), sequence number, time and the
/// schema it was written with.
/// </summary>
internal sealed record IcebergSnapshot(long Id, long? ParentId, long SequenceNumber, long TimestampMs, string? ManifestList, IReadOnlyList<string> Manifests, int? SchemaId, string? Operation)
{
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs);

    public static IcebergSnapshot Parse(JsonElement snapshot) => new(
        snapshot.GetProperty("snapshot-id").GetInt64(),
        snapshot.TryGetProperty("parent-snapshot-id", out var parent) && parent.ValueKind == JsonValueKind.Number ? parent.GetInt64() : null,
        snapshot.TryGetProperty("sequence-number", out var sequence) ? sequence.GetInt64() : 0,
        snapshot.GetProperty("timestamp-ms").GetInt64(),
        snapshot.TryGetProperty("manifest-list", out var list) ? list.GetString() : null,
        snapshot.TryGetProperty("manifests", out var manifests) ? manifests.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToList() : [],
        snapshot.TryGetProperty("schema-id", out var schema) ? schema.GetInt32() : null,
        snapshot.TryGetProperty("summary", out var summary) && summary.TryGetProperty("operation", out var op) ? op.GetString() : null);
}
