using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet;

namespace DevEndpoint.Tests.Writing;

/// <summary>
/// A strict reading of a Delta table's log against the Delta protocol (PROTOCOL.md), independent of DevEndpoint's reader:
/// commit files named by 20-digit contiguous versions from 0, each line one JSON object holding exactly one action;
/// version 0 holds <c>protocol</c> and <c>metaData</c>; every action has the fields the protocol requires, of the types
/// it states; <c>add</c> paths are relative URIs of files that exist, their partition values name exactly the partition
/// columns, their <c>stats</c> name only data columns. Then the replay the delta-golden corpus's EXPECTED.md describes
/// (adds minus removes keyed by path, from version 0): the live files' <c>numRecords</c> and the row counts of their
/// Parquet footers. Checkpoints (classic, one Parquet file) are checked against the protocol's checkpoint schema and
/// the replay at their version; <c>_last_checkpoint</c> must name the newest. Every violation is listed, so a test shows them all.
/// </summary>
internal static partial class DeltaSpecValidator
{
    public static Replay Validate(string root)
    {
        var problems = new List<string>();
        var log = Path.Combine(root, "_delta_log");
        var names = Directory.GetFiles(log).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).ToList();
        var versions = names.Where(n => CommitFile().IsMatch(n!)).Order(StringComparer.Ordinal).ToList();
        problems.AddRange(names.Where(n => !CommitFile().IsMatch(n!) && !CheckpointFile().IsMatch(n!) && n != LastCheckpoint).Select(n => $"{n}: not a commit, a checkpoint or {LastCheckpoint}"));
        var live = new Dictionary<string, long>(StringComparer.Ordinal);
        List<string> partitionColumns = [];
        List<string> dataColumns = [];
        for (var v = 0; v < versions.Count; v++)
        {
            var name = v.ToString("D20", CultureInfo.InvariantCulture) + ".json";
            if (versions[v] != name)
            {
                problems.Add($"log file {v} is '{versions[v]}', not '{name}'");
                continue;
            }

            var actions = File.ReadAllLines(Path.Combine(log, name)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            foreach (var action in actions.Where(a => a.EnumerateObject().Count() != 1))
            {
                problems.Add($"v{v}: a line holds {action.EnumerateObject().Count()} actions");
            }

            var kinds = actions.Select(a => a.EnumerateObject().First().Name).ToList();
            if (v == 0 && !(kinds.Contains("protocol") && kinds.Contains("metaData")))
            {
                problems.Add("v0: no protocol and metaData");
            }

            foreach (var action in actions)
            {
                var member = action.EnumerateObject().First();
                var where = $"v{v} {member.Name}";
                switch (member.Name)
                {
                    case "protocol":
                        CheckProtocol(member.Value, where, problems);
                        break;
                    case "metaData":
                        (partitionColumns, dataColumns) = CheckMetaData(member.Value, where, problems);
                        break;
                    case "add":
                        live[CheckAdd(member.Value, root, partitionColumns, dataColumns, where, problems)] = Records(member.Value);
                        break;
                    case "remove":
                        live.Remove(CheckRemove(member.Value, where, problems));
                        break;
                    case "commitInfo":
                        Require(member.Value, "timestamp", JsonValueKind.Number, where, problems);
                        break;
                    default:
                        problems.Add($"{where}: not an action a protocol 1/2 table holds");
                        break;
                }
            }

            CheckCheckpoint(log, v, live.Keys, problems);
        }

        CheckLastCheckpoint(log, problems);
        var footerRows = live.Keys.Sum(path => FooterRows(Path.Combine(root, Uri.UnescapeDataString(path))));
        return new Replay(problems, versions.Count - 1, live.Keys.Order(StringComparer.Ordinal).ToList(), live.Values.Sum(), footerRows);
    }

    private static void CheckProtocol(JsonElement protocol, string where, List<string> problems)
    {
        Require(protocol, "minReaderVersion", JsonValueKind.Number, where, problems);
        Require(protocol, "minWriterVersion", JsonValueKind.Number, where, problems);
        if (protocol.TryGetProperty("minReaderVersion", out var reader) && reader.GetInt32() != 1 || protocol.TryGetProperty("minWriterVersion", out var writer) && writer.GetInt32() != 2)
        {
            problems.Add($"{where}: not reader 1, writer 2");
        }
    }

    private static (List<string> Partitions, List<string> Data) CheckMetaData(JsonElement metadata, string where, List<string> problems)
    {
        Require(metadata, "id", JsonValueKind.String, where, problems);
        Require(metadata, "schemaString", JsonValueKind.String, where, problems);
        Require(metadata, "partitionColumns", JsonValueKind.Array, where, problems);
        Require(metadata, "createdTime", JsonValueKind.Number, where, problems);
        Require(metadata, "configuration", JsonValueKind.Object, where, problems);
        if (!metadata.TryGetProperty("format", out var format) || !format.TryGetProperty("provider", out var provider) || provider.GetString() != "parquet")
        {
            problems.Add($"{where}: format.provider is not parquet");
        }

        var schema = JsonDocument.Parse(metadata.GetProperty("schemaString").GetString()!).RootElement;
        if (schema.GetProperty("type").GetString() != "struct")
        {
            problems.Add($"{where}: the schema is not a struct");
        }

        var fields = schema.GetProperty("fields").EnumerateArray().ToList();
        foreach (var field in fields)
        {
            Require(field, "name", JsonValueKind.String, where, problems);
            Require(field, "nullable", JsonValueKind.True, where, problems);
            Require(field, "metadata", JsonValueKind.Object, where, problems);
            if (!PrimitiveType().IsMatch(field.GetProperty("type").GetString() ?? string.Empty))
            {
                problems.Add($"{where}: field {field.GetProperty("name")} has type {field.GetProperty("type")}, not a primitive type of the protocol");
            }
        }

        var names = fields.Select(f => f.GetProperty("name").GetString()!).ToList();
        var partitions = metadata.GetProperty("partitionColumns").EnumerateArray().Select(p => p.GetString()!).ToList();
        problems.AddRange(partitions.Where(p => !names.Contains(p)).Select(p => $"{where}: partition column {p} is not in the schema"));
        return (partitions, names.Except(partitions).ToList());
    }

    private static string CheckAdd(JsonElement add, string root, List<string> partitionColumns, List<string> dataColumns, string where, List<string> problems)
    {
        Require(add, "path", JsonValueKind.String, where, problems);
        Require(add, "partitionValues", JsonValueKind.Object, where, problems);
        Require(add, "size", JsonValueKind.Number, where, problems);
        Require(add, "modificationTime", JsonValueKind.Number, where, problems);
        Require(add, "dataChange", JsonValueKind.True, where, problems);
        Require(add, "stats", JsonValueKind.String, where, problems);
        var path = add.GetProperty("path").GetString()!;
        var file = Path.Combine(root, Uri.UnescapeDataString(path));
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || !File.Exists(file) || new FileInfo(file).Length != add.GetProperty("size").GetInt64())
        {
            problems.Add($"{where}: {path} is not a relative URI of a file of that size");
        }

        var keys = add.GetProperty("partitionValues").EnumerateObject().ToList();
        if (!keys.Select(k => k.Name).Order(StringComparer.Ordinal).SequenceEqual(partitionColumns.Order(StringComparer.Ordinal))
            || keys.Any(k => k.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
        {
            problems.Add($"{where}: partitionValues do not map exactly the partition columns to strings or null");
        }

        var stats = JsonDocument.Parse(add.GetProperty("stats").GetString()!).RootElement;
        Require(stats, "numRecords", JsonValueKind.Number, where + " stats", problems);
        foreach (var kind in new[] { "minValues", "maxValues", "nullCount" })
        {
            problems.AddRange(stats.GetProperty(kind).EnumerateObject().Where(c => !dataColumns.Contains(c.Name)).Select(c => $"{where} stats: {kind} names {c.Name}, not a data column"));
        }

        return path;
    }

    private static string CheckRemove(JsonElement remove, string where, List<string> problems)
    {
        Require(remove, "path", JsonValueKind.String, where, problems);
        Require(remove, "deletionTimestamp", JsonValueKind.Number, where, problems);
        Require(remove, "dataChange", JsonValueKind.True, where, problems);
        return remove.GetProperty("path").GetString()!;
    }

    private static long Records(JsonElement add) => JsonDocument.Parse(add.GetProperty("stats").GetString()!).RootElement.GetProperty("numRecords").GetInt64();

    private static long FooterRows(string file)
    {
        using var stream = File.OpenRead(file);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return reader.Metadata!.NumRows;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>A member of the kind the protocol states (<see cref="JsonValueKind.True"/> standing for a boolean).</summary>
    private static void Require(JsonElement action, string name, JsonValueKind kind, string where, List<string> problems)
    {
        if (!action.TryGetProperty(name, out var value)
            || (kind == JsonValueKind.True ? value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) : value.ValueKind != kind))
        {
            problems.Add($"{where}: {name} is missing or not {(kind == JsonValueKind.True ? "a boolean" : kind.ToString().ToLowerInvariant())}");
        }
    }

    [GeneratedRegex(@"^\d{20}\.json$")]
    private static partial Regex CommitFile();

    [GeneratedRegex(@"^\d{20}\.checkpoint\.parquet$")]
    private static partial Regex CheckpointFile();

    [GeneratedRegex(@"^(string|long|integer|short|byte|float|double|boolean|binary|date|timestamp|decimal\(\d+,\d+\))$")]
    private static partial Regex PrimitiveType();

    /// <summary>What the replay found: the problems, the latest version, the live files and their row counts by stats and by footers.</summary>
    internal sealed record Replay(List<string> Problems, long Latest, List<string> LiveFiles, long StatsRows, long FooterRows);
}
