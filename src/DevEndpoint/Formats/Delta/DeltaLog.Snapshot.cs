using System.Globalization;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Delta;

/// <summary>The snapshot the replayed log gives: the protocol checked, the schema, and the live files with statistics and deletes.</summary>
internal sealed partial class DeltaLog
{
    private TableSnapshot Snapshot(long version, DateTimeOffset? timestamp)
    {
        var checkedProtocol = protocol ?? throw DeltaErrors.Missing(root, version, "protocol");
        var meta = metadata ?? throw DeltaErrors.Missing(root, version, "metaData");
        CheckProtocol(checkedProtocol);
        var schema = DeltaSchema.Parse(root, meta.SchemaString);
        var partitionNames = meta.PartitionColumns.Select(ColumnNames.Clean).ToList();
        var partitionFields = partitionNames.Select(n => schema.Fields.FirstOrDefault(f => f.Name == n)
            ?? throw new DevEndpointException($"Delta table {root}: its partition column '{n}' is not in its schema. The log is damaged; rewrite the table with a Delta writer.")).ToList();
        var files = adds.Values
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .Select(a => new SnapshotFile(DeltaPaths.Full(storage, root, a.Path), PartitionValues(a, partitionFields), a.Size)
            {
                Statistics = Statistics(a.Stats, schema),
                Deletes = a.DeletionVector is { } dv ? new DeletionVectors(storage, root, a.Path, dv) : null,
            })
            .ToList();
        var properties = meta.Configuration.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        return new TableSnapshot(
            root,
            version,
            timestamp,
            schema.Fields.Where(f => !partitionNames.Contains(f.Name)).Select(f => f.ToColumn()).ToList(),
            partitionFields.Select(f => f.ToColumn()).ToList(),
            files)
        {
            PhysicalNames = schema.PhysicalNames,
            Properties = properties,
            Storage = storage,
            LogFilesRead = read,
        };
    }

    private void CheckProtocol(DeltaProtocol table)
    {
        if (table.MinReaderVersion is < 1 or > 3)
        {
            throw DeltaErrors.ReaderVersion(root, table.MinReaderVersion);
        }

        if (table.MinReaderVersion == 3 && table.ReaderFeatures.FirstOrDefault(f => !DeltaErrors.SupportedReaderFeatures.Contains(f)) is { } unsupported)
        {
            throw DeltaErrors.ReaderFeature(root, unsupported);
        }
    }

    /// <summary>A file's partition values by the catalog's key names (the log keys them by physical name).</summary>
    private static Dictionary<string, string?> PartitionValues(DeltaAdd add, List<DeltaSchema.Field> partitionFields) =>
        partitionFields.ToDictionary(
            f => f.Name,
            f => add.PartitionValues.TryGetValue(f.PhysicalName, out var value) || add.PartitionValues.TryGetValue(f.Name, out value)
                ? PartitionValue(value, f.Type)
                : null,
            StringComparer.OrdinalIgnoreCase);

    /// <summary>A partition value as the typed columns read text: an empty value of a non-string column is null, a timestamp as ISO-8601.</summary>
    private static string? PartitionValue(string? value, string type) =>
        value switch
        {
            null => null,
            "" when type != "string" => null,
            _ when type == "timestamp" && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            _ => value,
        };

    /// <summary>
    /// What a file's <c>stats</c> say of its top-level numeric and date columns (text is left out: its statistics may be
    /// cut short), for skipping files whose values cannot match a load's predicate.
    /// </summary>
    private static FileStatistics? Statistics(string? stats, DeltaSchema schema)
    {
        if (stats is null)
        {
            return null;
        }

        JsonElement json;
        try
        {
            json = JsonDocument.Parse(stats).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }

        long? records = json.TryGetProperty("numRecords", out var count) && count.TryGetInt64(out var n) ? n : null;
        var ranges = new Dictionary<string, ValueRange>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in schema.Fields)
        {
            var nulls = Member(json, "nullCount", field.PhysicalName) is { ValueKind: JsonValueKind.Number } nullCount ? nullCount.GetInt64() : (long?)null;
            if (nulls is { } allNull && records is { } total && allNull == total && total > 0)
            {
                ranges[field.Name] = new ValueRange(null, null, MayHaveNulls: true, AllNull: true);
                continue;
            }

            if (Value(Member(json, "minValues", field.PhysicalName), field.Type) is { } min
                && Value(Member(json, "maxValues", field.PhysicalName), field.Type) is { } max)
            {
                ranges[field.Name] = new ValueRange(min, max, MayHaveNulls: nulls is not 0, AllNull: false);
            }
        }

        return new FileStatistics(records, ranges);
    }

    private static JsonElement? Member(JsonElement stats, string kind, string name) =>
        stats.TryGetProperty(kind, out var values) && values.ValueKind == JsonValueKind.Object && values.TryGetProperty(name, out var value) ? value : null;

    private static object? Value(JsonElement? value, string type) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when type is "tinyint" or "smallint" or "int" or "bigint" && number.TryGetInt64(out var integer) => integer,
        { ValueKind: JsonValueKind.Number } number when type.StartsWith("decimal", StringComparison.Ordinal) && number.TryGetDecimal(out var exact) => exact,
        { ValueKind: JsonValueKind.String } text when type == "date"
            && DateTime.TryParseExact(text.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => null,
    };
}
