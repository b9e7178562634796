using System.Globalization;
using System.Text.Json;
using DevEndpoint.Formats.Avro;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// Reads a snapshot's manifest list and manifests (Avro) into its live files: every entry whose status is not
/// DELETED, with the sequence numbers an ADDED entry inherits from its manifest, and partition values and bounds decoded
/// by the table's types. A file Iceberg can hold but this reader cannot (encrypted, ORC or Avro data) is refused by name.
/// </summary>
internal sealed class IcebergManifests(IcebergMetadata metadata, IcebergPaths paths, TableStorage storage)
{
    private const int StatusDeleted = 2;

    public IReadOnlyList<IcebergFile> LiveFiles(IcebergSnapshot snapshot)
    {
        var files = new List<IcebergFile>();
        foreach (var manifest in Manifests(snapshot))
        {
            files.AddRange(Entries(manifest));
        }

        return files;
    }

    private sealed record Manifest(string Path, string ListedIn, int? SpecId, long SequenceNumber, IcebergContent? Content);

    private List<Manifest> Manifests(IcebergSnapshot snapshot)
    {
        if (snapshot.ManifestList is not { } list)
        {
            return snapshot.Manifests.Select(m => new Manifest(paths.Local(m), metadata.Path, null, 0, null)).ToList();
        }

        var local = paths.Local(list);
        var records = ReadAvro(local, "manifest list", metadata.Path);
        return records.Records.Select(r => new Manifest(
            paths.Local((string)r["manifest_path"]!),
            local,
            r.GetValueOrDefault("partition_spec_id") is int spec ? spec : null,
            r.GetValueOrDefault("sequence_number") is long sequence ? sequence : 0,
            r.GetValueOrDefault("content") is int content ? (IcebergContent)content : null)).ToList();
    }

    private IEnumerable<IcebergFile> Entries(Manifest manifest)
    {
        var avro = ReadAvro(manifest.Path, "manifest", manifest.ListedIn);
        var specId = manifest.SpecId
            ?? (avro.Metadata.TryGetValue("partition-spec-id", out var id) ? int.Parse(id, CultureInfo.InvariantCulture) : metadata.DefaultSpecId);
        var spec = metadata.PartitionSpecs.TryGetValue(specId, out var known)
            ? known
            : avro.Metadata.TryGetValue("partition-spec", out var json) ? new IcebergPartitionSpec(specId, SpecFields(json)) : throw IcebergErrors.BadFile(manifest.Path, "manifest", $"its partition spec {specId} is not in the table metadata");
        foreach (var entry in avro.Records)
        {
            if (entry["status"] is int status && status == StatusDeleted)
            {
                continue;
            }

            var file = (Dictionary<string, object?>)entry["data_file"]!;
            var written = (string)file["file_path"]!;
            var format = ((string?)file.GetValueOrDefault("file_format") ?? "PARQUET").ToUpperInvariant();
            var content = file.GetValueOrDefault("content") is int c ? (IcebergContent)c : manifest.Content ?? IcebergContent.Data;
            if (file.GetValueOrDefault("key_metadata") is byte[])
            {
                throw IcebergErrors.Unsupported(paths.Local(written), "encrypted files (key_metadata)");
            }

            if (format != "PARQUET" && !(format == "PUFFIN" && content == IcebergContent.PositionDeletes))
            {
                throw IcebergErrors.Unsupported(paths.Local(written), $"{content switch { IcebergContent.Data => "data", _ => "delete" }} files in {format} format");
            }

            yield return new IcebergFile
            {
                Content = content,
                Path = paths.Local(written),
                WrittenPath = written,
                Format = format,
                SpecId = specId,
                Partition = Partition(manifest.Path, spec, file.GetValueOrDefault("partition") as Dictionary<string, object?>),
                RecordCount = Convert.ToInt64(file["record_count"], CultureInfo.InvariantCulture),
                SizeBytes = Convert.ToInt64(file["file_size_in_bytes"], CultureInfo.InvariantCulture),
                SequenceNumber = entry.GetValueOrDefault("sequence_number") is long sequence ? sequence : manifest.SequenceNumber,
                LowerBounds = Bounds(manifest.Path, file.GetValueOrDefault("lower_bounds")),
                UpperBounds = Bounds(manifest.Path, file.GetValueOrDefault("upper_bounds")),
                NullCounts = Pairs(file.GetValueOrDefault("null_value_counts")).ToDictionary(p => p.Key, p => Convert.ToInt64(p.Value, CultureInfo.InvariantCulture)),
                EqualityIds = file.GetValueOrDefault("equality_ids") is List<object?> ids ? ids.Select(i => Convert.ToInt32(i, CultureInfo.InvariantCulture)).ToList() : [],
                ReferencedDataFile = file.GetValueOrDefault("referenced_data_file") as string,
                ContentOffset = file.GetValueOrDefault("content_offset") as long?,
                ContentSize = file.GetValueOrDefault("content_size_in_bytes") as long?,
            };
        }
    }

    /// <summary>The partition tuple by partition field id: the record's fields are the spec's, in order.</summary>
    private Dictionary<int, object?> Partition(string manifest, IcebergPartitionSpec spec, Dictionary<string, object?>? tuple)
    {
        var values = new Dictionary<int, object?>();
        if (tuple is null)
        {
            return values;
        }

        var ordered = tuple.Values.ToList();
        for (var i = 0; i < spec.Fields.Count && i < ordered.Count; i++)
        {
            var field = spec.Fields[i];
            var value = tuple.TryGetValue(field.Name, out var named) ? named : ordered[i];
            values[field.FieldId] = IcebergTypes.FromAvro(manifest, ResultField(field), value);
        }

        return values;
    }

    /// <summary>A partition field as a field of its transform's result type: the source's for identity and truncate, else int.</summary>
    public IcebergField ResultField(IcebergPartitionField field)
    {
        var source = SourceField(field.SourceId);
        var type = field.Transform is "identity" || field.Transform.StartsWith("truncate", StringComparison.Ordinal) || field.Transform == "void"
            ? source?.Type ?? "string"
            : "int";
        return new IcebergField(field.FieldId, field.Name, Required: false, type, InitialDefault: null);
    }

    /// <summary>The field with an id in the current schema, or in the newest schema that has it (a column since dropped).</summary>
    public IcebergField? SourceField(int id) =>
        metadata.CurrentSchema.Field(id) ?? metadata.Schemas.Values.OrderByDescending(s => s.Id).Select(s => s.Field(id)).FirstOrDefault(f => f is not null);

    private Dictionary<int, object?> Bounds(string manifest, object? map)
    {
        var bounds = new Dictionary<int, object?>();
        foreach (var (id, value) in Pairs(map))
        {
            if (SourceField(id) is { } field && value is byte[] bytes && field.Type is not ("struct" or "list" or "map"))
            {
                bounds[id] = IcebergTypes.FromBinary(manifest, field, bytes);
            }
        }

        return bounds;
    }

    /// <summary>An Avro map with int keys, which Iceberg writes as an array of key/value records.</summary>
    private static IEnumerable<(int Key, object? Value)> Pairs(object? map) => map is List<object?> list
        ? list.OfType<Dictionary<string, object?>>().Select(p => (Convert.ToInt32(p["key"], CultureInfo.InvariantCulture), p["value"]))
        : [];

    private static List<IcebergPartitionField> SpecFields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return IcebergPartitionSpec.ParseFields(document.RootElement).ToList();
    }

    private AvroRecords ReadAvro(string path, string what, string referencedBy)
    {
        if (!storage.Exists(path))
        {
            throw IcebergErrors.MissingFile(path, what, referencedBy);
        }

        try
        {
            using var file = storage.OpenRead(path);
            return AvroRecords.Read(file, path);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or JsonException or KeyNotFoundException or InvalidCastException)
        {
            throw IcebergErrors.BadFile(path, what, e.Message);
        }
    }
}
