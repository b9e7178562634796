using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DevEndpoint.Catalog;

/// <summary>JSON in Glue's API shapes and field names, used for storage and for <c>--json</c> output.</summary>
internal static class CatalogJson
{
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Compact);

    /// <summary>
    /// Makes the serializer ready for table definitions on another thread, while the caller opens the catalog (which
    /// takes about as long): a short-lived command that reads a table first then does not wait for it (about 10 ms).
    /// </summary>
    public static Task WarmUpAsync() => Task.Run(() => Deserialize<CatalogTable>(Serialize(new CatalogTable { Name = "t", DatabaseName = "d" })));

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Compact) ?? throw new InvalidDataException("The catalog holds an empty definition.");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(CatalogJsonContext.Default, new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>
/// Serialization code generated at build time for what every command reads first (a table's definition, its
/// partitions), so a short-lived process does not build it by reflection each time it starts; other types fall back to
/// reflection.
/// </summary>
[JsonSerializable(typeof(CatalogTable))]
[JsonSerializable(typeof(Database))]
[JsonSerializable(typeof(Partition))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
