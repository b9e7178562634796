using System.Text.Json;

namespace DevEndpoint.Formats.Delta;

/// <summary>A data file the log adds (or removes): its path as written, partition values, size, statistics and deletion vector.</summary>
internal sealed record DeltaAdd(string Path, IReadOnlyDictionary<string, string?> PartitionValues, long Size, string? Stats, DeletionVectorDescriptor? DeletionVector)
{
    /// <summary>What a remove must name to cancel this add: the canonical path and the deletion vector's id.</summary>
    public string Key => $"{DeltaPaths.Canonical(Path)}\n{DeletionVector?.UniqueId}";

    /// <summary>When the file was written, in milliseconds since the Unix epoch (<c>0</c> when the action does not say).</summary>
    public long ModificationTime { get; init; }

    public static DeltaAdd Parse(JsonElement action) => new(
        action.GetProperty("path").GetString()!,
        StringMap(action, "partitionValues"),
        Long(action, "size"),
        action.TryGetProperty("stats", out var stats) && stats.ValueKind == JsonValueKind.String ? stats.GetString() : null,
        action.TryGetProperty("deletionVector", out var dv) && dv.ValueKind == JsonValueKind.Object ? DeletionVectorDescriptor.Parse(dv) : null)
    {
        ModificationTime = Long(action, "modificationTime"),
    };

    /// <summary>A number member of an action; <c>0</c> when it is missing or not a number.</summary>
    internal static long Long(JsonElement action, string name) =>
        action.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    /// <summary>A map of strings, as JSON commits write it (an object) or as a checkpoint's Parquet map reads (key/value pairs).</summary>
    public static Dictionary<string, string?> StringMap(JsonElement action, string name)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!action.TryGetProperty(name, out var value))
        {
            return map;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.ToString();
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in value.EnumerateArray())
            {
                if (pair.TryGetProperty("key", out var key))
                {
                    map[key.GetString()!] = pair.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
                }
            }
        }

        return map;
    }
}

/// <summary>Where a deletion vector is: inline (<c>i</c>), in a file by UUID beside the data (<c>u</c>) or by path (<c>p</c>).</summary>
internal sealed record DeletionVectorDescriptor(string StorageType, string PathOrInlineDv, int? Offset, int SizeInBytes, long Cardinality)
{
    public string UniqueId => Offset is { } offset ? $"{StorageType}{PathOrInlineDv}@{offset}" : StorageType + PathOrInlineDv;

    public static DeletionVectorDescriptor Parse(JsonElement dv) => new(
        dv.GetProperty("storageType").GetString()!,
        dv.GetProperty("pathOrInlineDv").GetString()!,
        dv.TryGetProperty("offset", out var offset) && offset.ValueKind == JsonValueKind.Number ? offset.GetInt32() : null,
        dv.GetProperty("sizeInBytes").GetInt32(),
        dv.GetProperty("cardinality").GetInt64());
}

/// <summary>The table's protocol: reader and writer versions and features.</summary>
internal sealed record DeltaProtocol(int MinReaderVersion, int MinWriterVersion, IReadOnlyList<string> ReaderFeatures, IReadOnlyList<string> WriterFeatures)
{
    public static DeltaProtocol Parse(JsonElement action) => new(
        action.GetProperty("minReaderVersion").GetInt32(),
        action.TryGetProperty("minWriterVersion", out var writer) && writer.ValueKind == JsonValueKind.Number ? writer.GetInt32() : 0,
        Strings(action, "readerFeatures"),
        Strings(action, "writerFeatures"));

    private static List<string> Strings(JsonElement action, string name) =>
        action.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
}

/// <summary>The table's metadata: its schema (as the log's JSON text; none, as in some log-only tables, is an empty schema), partition columns and configuration.</summary>
internal sealed record DeltaMetadata(string Id, string SchemaString, IReadOnlyList<string> PartitionColumns, IReadOnlyDictionary<string, string?> Configuration)
{
    public static DeltaMetadata Parse(JsonElement action) => new(
        action.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty,
        action.TryGetProperty("schemaString", out var schema) && schema.ValueKind == JsonValueKind.String ? schema.GetString()! : """{"type":"struct","fields":[]}""",
        action.TryGetProperty("partitionColumns", out var columns) && columns.ValueKind == JsonValueKind.Array
            ? columns.EnumerateArray().Select(c => c.GetString()!).ToList()
            : [],
        DeltaAdd.StringMap(action, "configuration"));
}

/// <summary>A <c>remove</c> a checkpoint keeps as a tombstone: the file removed and when (milliseconds since the Unix epoch).</summary>
internal sealed record DeltaTombstone(DeltaAdd File, long DeletionTimestamp)
{
    public static DeltaTombstone Parse(JsonElement action) => new(DeltaAdd.Parse(action), DeltaAdd.Long(action, "deletionTimestamp"));
}

/// <summary>A <c>txn</c> action: the latest version an application wrote (its idempotent writes' record).</summary>
internal sealed record DeltaTransaction(string AppId, long Version, long? LastUpdated)
{
    public static DeltaTransaction Parse(JsonElement action) => new(
        action.GetProperty("appId").GetString()!,
        DeltaAdd.Long(action, "version"),
        action.TryGetProperty("lastUpdated", out var time) && time.ValueKind == JsonValueKind.Number ? time.GetInt64() : null);
}

/// <summary>What a checkpoint of one version holds: the protocol, the <c>metaData</c> action as the log holds it, live files, tombstones and transactions.</summary>
internal sealed record DeltaCheckpointState(
    DeltaProtocol Protocol, JsonElement MetaData, IReadOnlyList<DeltaAdd> Files, IReadOnlyList<DeltaTombstone> Tombstones, IReadOnlyList<DeltaTransaction> Transactions);
