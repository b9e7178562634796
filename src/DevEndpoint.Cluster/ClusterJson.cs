using System.Text.Json;

namespace DevEndpoint.Cluster;

/// <summary>The JSON that carries the core's own records (schemas, staged writes, classifiers) between coordinator and workers.</summary>
internal static class ClusterJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
