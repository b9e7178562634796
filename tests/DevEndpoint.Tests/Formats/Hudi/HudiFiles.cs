using System.Globalization;
using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace DevEndpoint.Tests.Formats.Hudi;

/// <summary>
/// Writes the files of a Hudi copy-on-write table as Hudi lays them out (the corpus has none): <c>.hoodie/hoodie.properties</c>,
/// timeline files <c>&lt;instant&gt;.&lt;action&gt;</c>, and Parquet base files named
/// <c>&lt;fileId&gt;_&lt;writeToken&gt;_&lt;instant&gt;.parquet</c> in partition folders, with Hudi's meta columns.
/// </summary>
internal static class HudiFiles
{
    /// <summary>Writes <c>.hoodie/hoodie.properties</c> under <paramref name="root"/> with these lines.</summary>
    public static void Properties(string root, string lines)
    {
        Directory.CreateDirectory(Path.Combine(root, ".hoodie"));
        File.WriteAllText(Path.Combine(root, ".hoodie", "hoodie.properties"), lines);
    }

    /// <summary>Writes a timeline file <c>.hoodie/&lt;name&gt;</c> (an instant with its action and state).</summary>
    public static void Timeline(string root, string name, string content = "{}")
    {
        Directory.CreateDirectory(Path.Combine(root, ".hoodie"));
        File.WriteAllText(Path.Combine(root, ".hoodie", name), content);
    }

    /// <summary>Writes the base file of file group <paramref name="fileId"/> in <paramref name="partition"/> at <paramref name="instant"/>.</summary>
    public static async Task BaseFileAsync(string root, string partition, string fileId, string token, string instant, params (int Id, string Name)[] rows)
    {
        Directory.CreateDirectory(Path.Combine(root, partition));
        var records = rows.Select(r => new Row { CommitTime = instant, RecordKey = r.Id.ToString(CultureInfo.InvariantCulture), PartitionPath = partition, Id = r.Id, Name = r.Name });
        await ParquetSerializer.SerializeAsync(records, Path.Combine(root, partition, $"{fileId}_{token}_{instant}.parquet"));
    }

    private sealed class Row
    {
        [JsonPropertyName("_hoodie_commit_time")]
        public string CommitTime { get; init; } = string.Empty;

        [JsonPropertyName("_hoodie_record_key")]
        public string RecordKey { get; init; } = string.Empty;

        [JsonPropertyName("_hoodie_partition_path")]
        public string PartitionPath { get; init; } = string.Empty;

        [JsonPropertyName("id")]
        public int Id { get; init; }

        [JsonPropertyName("name")]
        public string Name { get; init; } = string.Empty;
    }
}
