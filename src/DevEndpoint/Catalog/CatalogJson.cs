using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DevEndpoint.Catalog;

/// <summary>JSON in Glue's API shapes and field names, used for storage and for <c>--json</c> output.</summary>
internal static class CatalogJson
{
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize<T>(T value, bool indented = false) => Serialize(value, indented ? Indented : Compact);

    /// <summary>
    /// <paramref name="value"/> as JSON with <paramref name="options"/> made by <see cref="Create"/>, through the serialization
    /// code generated for <typeparamref name="T"/> (no reflection, so it works in the command compiled ahead of time).
    /// </summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, TypeInfo<T>(options));

    /// <summary>
    /// Makes the serializer ready for table definitions on another thread, while the caller opens the catalog (which
    /// takes about as long): a short-lived command that reads a table first then does not wait for it (about 10 ms).
    /// </summary>
    public static Task WarmUpAsync() => Task.Run(() => Deserialize<CatalogTable>(Serialize(new CatalogTable { Name = "t", DatabaseName = "d" })));

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>(Compact)) ?? throw new InvalidDataException("The catalog holds an empty definition.");

    /// <summary>
    /// Options for Glue's shapes: the types of <see cref="CatalogJsonContext"/>, and those of <paramref name="front"/> (a
    /// front's own context) first. Types neither knows are serialized by reflection where the process allows it (not in
    /// the devendpoint command, which sets <c>JsonSerializerIsReflectionEnabledByDefault</c> to false).
    /// </summary>
    public static JsonSerializerOptions Create(bool indented, IJsonTypeInfoResolver? front = null)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        IJsonTypeInfoResolver[] generated = front is null ? [CatalogJsonContext.Default] : [front, CatalogJsonContext.Default];
        options.TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine([.. generated, new DefaultJsonTypeInfoResolver()])
            : JsonTypeInfoResolver.Combine(generated);
        options.MakeReadOnly();
        return options;
    }

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

/// <summary>
/// Serialization code generated at build time for what the catalog stores and Glue's responses, so a short-lived process
/// does not build it by reflection each time it starts, and the command compiled ahead of time needs no reflection.
/// </summary>
[JsonSerializable(typeof(CatalogTable))]
[JsonSerializable(typeof(Database))]
[JsonSerializable(typeof(Partition))]
[JsonSerializable(typeof(TableVersion))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Connection))]
[JsonSerializable(typeof(CustomClassifier))]
[JsonSerializable(typeof(CrawlRun))]
[JsonSerializable(typeof(JobRun))]
[JsonSerializable(typeof(KeyBookmark))]
[JsonSerializable(typeof(DataQualityRuleset))]
[JsonSerializable(typeof(DataQualityResult))]
[JsonSerializable(typeof(MLTransform))]
[JsonSerializable(typeof(FindMatchesMetrics))]
[JsonSerializable(typeof(CatalogCheck))]
[JsonSerializable(typeof(ConnectionsResponse))]
[JsonSerializable(typeof(ClassifiersResponse))]
[JsonSerializable(typeof(CrawlsResponse))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
