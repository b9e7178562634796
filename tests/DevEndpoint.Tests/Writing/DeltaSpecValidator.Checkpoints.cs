using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace DevEndpoint.Tests.Writing;

/// <summary>
/// Classic checkpoints as the Delta protocol's "Checkpoint Schema" states them, read with Parquet.Net alone: the columns
/// <c>txn</c>, <c>add</c>, <c>remove</c>, <c>metaData</c>, <c>protocol</c> with the fields the protocol requires, of its
/// types; one action a row; one protocol and one metaData; the live files of the replay at its version, no other.
/// </summary>
internal static partial class DeltaSpecValidator
{
    private const string LastCheckpoint = "_last_checkpoint";

    /// <summary>The fields each action's column must have, with their types as <see cref="Render"/> writes them.</summary>
    private static readonly Dictionary<string, string[]> CheckpointFields = new(StringComparer.Ordinal)
    {
        ["txn"] = ["appId string", "version long", "lastUpdated long"],
        ["add"] = ["path string", "partitionValues map<string,string>", "size long", "modificationTime long", "dataChange bool", "stats string"],
        ["remove"] = ["path string", "deletionTimestamp long", "dataChange bool"],
        ["metaData"] = ["id string", "format struct<provider string,options map<string,string>>", "schemaString string", "partitionColumns array<string>", "configuration map<string,string>", "createdTime long"],
        ["protocol"] = ["minReaderVersion int", "minWriterVersion int"],
    };

    private static void CheckCheckpoint(string log, int version, IEnumerable<string> live, List<string> problems)
    {
        var path = Path.Combine(log, version.ToString("D20", CultureInfo.InvariantCulture) + ".checkpoint.parquet");
        if (!File.Exists(path))
        {
            return;
        }

        var where = $"checkpoint {version}";
        CheckCheckpointSchema(Schema(path), where, problems);
        using var stream = File.OpenRead(path);
        var rows = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult().Data;
        var actions = rows.Select(r => r.Where(c => c.Value is not null).Select(c => c.Key).ToList()).ToList();
        problems.AddRange(actions.Where(a => a.Count != 1).Select(a => $"{where}: a row holds {a.Count} actions ({string.Join(", ", a)})"));
        foreach (var kind in new[] { "protocol", "metaData" })
        {
            if (actions.Count(a => a.Contains(kind)) != 1)
            {
                problems.Add($"{where}: {actions.Count(a => a.Contains(kind))} {kind} actions, not 1");
            }
        }

        var adds = rows.Where(r => r.GetValueOrDefault("add") is not null).Select(r => (IDictionary<string, object>)r["add"]).ToList();
        var paths = adds.Select(a => a["path"]?.ToString() ?? string.Empty).Order(StringComparer.Ordinal).ToList();
        if (!paths.SequenceEqual(live.Order(StringComparer.Ordinal)))
        {
            problems.Add($"{where}: adds {string.Join(", ", paths)}, but the live files at version {version} are {string.Join(", ", live.Order(StringComparer.Ordinal))}");
        }

        problems.AddRange(adds.Where(a => a["stats"] is not { } stats || !JsonDocument.Parse(stats.ToString()!).RootElement.TryGetProperty("numRecords", out _))
            .Select(a => $"{where}: add {a["path"]} has no stats with numRecords"));
    }

    private static void CheckCheckpointSchema(ParquetSchema schema, string where, List<string> problems)
    {
        foreach (var (column, required) in CheckpointFields)
        {
            if (schema.Fields.FirstOrDefault(f => f.Name == column) is not StructField structure)
            {
                problems.Add($"{where}: no struct column {column}");
                continue;
            }

            var fields = structure.Fields.Select(f => $"{f.Name} {Render(f)}").ToList();
            problems.AddRange(required.Where(r => !fields.Contains(r)).Select(r => $"{where}: {column} has no field {r} (it has {string.Join(", ", fields)})"));
        }
    }

    /// <summary>A Parquet field's type: <c>string</c>, <c>long</c>, <c>struct&lt;a t,...&gt;</c>, <c>map&lt;k,v&gt;</c>, <c>array&lt;t&gt;</c>.</summary>
    private static string Render(Field field) => field switch
    {
        StructField s => $"struct<{string.Join(',', s.Fields.Select(f => $"{f.Name} {Render(f)}"))}>",
        MapField m => $"map<{Render(m.Key)},{Render(m.Value)}>",
        ListField l => $"array<{Render(l.Item)}>",
        DataField d when d.ClrType == typeof(string) || d.ClrType == typeof(ReadOnlyMemory<char>) => "string",
        DataField d when d.ClrType == typeof(long) => "long",
        DataField d when d.ClrType == typeof(int) => "int",
        DataField d when d.ClrType == typeof(bool) => "bool",
        DataField d => d.ClrType.Name,
        _ => field.SchemaType.ToString(),
    };

    private static ParquetSchema Schema(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return reader.Schema;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary><c>_last_checkpoint</c>, when there are checkpoints: it names the newest, with its number of actions.</summary>
    private static void CheckLastCheckpoint(string log, List<string> problems)
    {
        var newest = Directory.GetFiles(log, "*.checkpoint.parquet").Select(Path.GetFileName).Order(StringComparer.Ordinal).LastOrDefault();
        if (newest is null)
        {
            return;
        }

        var path = Path.Combine(log, LastCheckpoint);
        if (!File.Exists(path))
        {
            problems.Add($"no {LastCheckpoint} beside the checkpoints");
            return;
        }

        var last = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var version = long.Parse(newest[..20], CultureInfo.InvariantCulture);
        using var stream = File.OpenRead(Path.Combine(log, newest));
        var rows = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult().Data.Count;
        if (!last.TryGetProperty("version", out var named) || named.GetInt64() != version || !last.TryGetProperty("size", out var size) || size.GetInt64() != rows)
        {
            problems.Add($"{LastCheckpoint} is {last.GetRawText()}, not version {version} with size {rows}");
        }
    }
}
