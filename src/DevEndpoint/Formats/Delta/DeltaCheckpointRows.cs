using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// One row of a classic Delta checkpoint (<c>NNN.checkpoint.parquet</c>): one action, in the one column of its kind; the
/// others are null. The columns and their fields are those the Delta protocol lists for checkpoints, every one nullable,
/// with <c>stats</c> as JSON text and partition values, options and configuration as maps of strings.
/// </summary>
internal sealed class DeltaCheckpointRow
{
    [JsonPropertyName("txn")]
    public CheckpointTxn? Txn { get; set; }

    [JsonPropertyName("add")]
    public CheckpointAdd? Add { get; set; }

    [JsonPropertyName("remove")]
    public CheckpointRemove? Remove { get; set; }

    [JsonPropertyName("metaData")]
    public CheckpointMetaData? MetaData { get; set; }

    [JsonPropertyName("protocol")]
    public CheckpointProtocol? Protocol { get; set; }

    /// <summary>The rows of a checkpoint of <paramref name="state"/>: protocol, metaData, transactions, live files, tombstones.</summary>
    public static List<DeltaCheckpointRow> Of(DeltaCheckpointState state)
    {
        var rows = new List<DeltaCheckpointRow>
        {
            new() { Protocol = CheckpointProtocol.Of(state.Protocol) },
            new() { MetaData = CheckpointMetaData.Of(state.MetaData) },
        };
        rows.AddRange(state.Transactions.Select(t => new DeltaCheckpointRow { Txn = new() { AppId = t.AppId, Version = t.Version, LastUpdated = t.LastUpdated } }));
        rows.AddRange(state.Files.Select(f => new DeltaCheckpointRow
        {
            // A checkpoint's adds change no data: they restate the table (dataChange false, as Delta's own checkpoints).
            Add = new()
            {
                Path = f.Path,
                PartitionValues = new(f.PartitionValues),
                Size = f.Size,
                ModificationTime = f.ModificationTime,
                DataChange = false,
                Stats = f.Stats,
            },
        }));
        rows.AddRange(state.Tombstones.Select(t => new DeltaCheckpointRow
        {
            Remove = new()
            {
                Path = t.File.Path,
                DeletionTimestamp = t.DeletionTimestamp,
                DataChange = false,
                ExtendedFileMetadata = true,
                PartitionValues = new(t.File.PartitionValues),
                Size = t.File.Size,
            },
        }));
        return rows;
    }
}

internal sealed class CheckpointTxn
{
    [JsonPropertyName("appId")]
    public string? AppId { get; set; }

    [JsonPropertyName("version")]
    public long? Version { get; set; }

    [JsonPropertyName("lastUpdated")]
    public long? LastUpdated { get; set; }
}

internal sealed class CheckpointAdd
{
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("partitionValues")]
    public Dictionary<string, string?>? PartitionValues { get; set; }

    [JsonPropertyName("size")]
    public long? Size { get; set; }

    [JsonPropertyName("modificationTime")]
    public long? ModificationTime { get; set; }

    [JsonPropertyName("dataChange")]
    public bool? DataChange { get; set; }

    [JsonPropertyName("stats")]
    public string? Stats { get; set; }
}

internal sealed class CheckpointRemove
{
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("deletionTimestamp")]
    public long? DeletionTimestamp { get; set; }

    [JsonPropertyName("dataChange")]
    public bool? DataChange { get; set; }

    [JsonPropertyName("extendedFileMetadata")]
    public bool? ExtendedFileMetadata { get; set; }

    [JsonPropertyName("partitionValues")]
    public Dictionary<string, string?>? PartitionValues { get; set; }

    [JsonPropertyName("size")]
    public long? Size { get; set; }
}

internal sealed class CheckpointFormat
{
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    [JsonPropertyName("options")]
    public Dictionary<string, string?>? Options { get; set; }
}

internal sealed class CheckpointMetaData
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("format")]
    public CheckpointFormat? Format { get; set; }

    [JsonPropertyName("schemaString")]
    public string? SchemaString { get; set; }

    [JsonPropertyName("partitionColumns")]
    public List<string>? PartitionColumns { get; set; }

    [JsonPropertyName("configuration")]
    public Dictionary<string, string?>? Configuration { get; set; }

    [JsonPropertyName("createdTime")]
    public long? CreatedTime { get; set; }

    /// <summary>The checkpoint's copy of a <c>metaData</c> action as the log holds it.</summary>
    public static CheckpointMetaData Of(JsonElement action) => new()
    {
        Id = Text(action, "id"),
        Name = Text(action, "name"),
        Description = Text(action, "description"),
        Format = new()
        {
            Provider = action.TryGetProperty("format", out var format) ? Text(format, "provider") ?? "parquet" : "parquet",
            Options = format.ValueKind == JsonValueKind.Object ? DeltaAdd.StringMap(format, "options") : [],
        },
        SchemaString = Text(action, "schemaString"),
        PartitionColumns = action.TryGetProperty("partitionColumns", out var columns) && columns.ValueKind == JsonValueKind.Array
            ? columns.EnumerateArray().Select(c => c.GetString()!).ToList()
            : [],
        Configuration = DeltaAdd.StringMap(action, "configuration"),
        CreatedTime = action.TryGetProperty("createdTime", out var time) && time.ValueKind == JsonValueKind.Number ? time.GetInt64() : null,
    };

    private static string? Text(JsonElement action, string name) =>
        action.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed class CheckpointProtocol
{
    [JsonPropertyName("minReaderVersion")]
    public int? MinReaderVersion { get; set; }

    [JsonPropertyName("minWriterVersion")]
    public int? MinWriterVersion { get; set; }

    [JsonPropertyName("readerFeatures")]
    public List<string>? ReaderFeatures { get; set; }

    [JsonPropertyName("writerFeatures")]
    public List<string>? WriterFeatures { get; set; }

    public static CheckpointProtocol Of(DeltaProtocol protocol) => new()
    {
        MinReaderVersion = protocol.MinReaderVersion,
        MinWriterVersion = protocol.MinWriterVersion,
        ReaderFeatures = protocol.MinReaderVersion >= 3 ? [.. protocol.ReaderFeatures] : null,
        WriterFeatures = protocol.MinWriterVersion >= 7 ? [.. protocol.WriterFeatures] : null,
    };
}
