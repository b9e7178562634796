using System.Text.Json.Serialization;

namespace DevEndpoint.Catalog;

/// <summary>A table definition with Glue's field names (Glue's <c>Table</c>).</summary>
public sealed record CatalogTable
{
    public required string Name { get; init; }

    public required string DatabaseName { get; init; }

    public string? Description { get; init; }

    public string TableType { get; init; } = "EXTERNAL_TABLE";

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<Column> PartitionKeys { get; init; } = [];

    public DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>
    /// Starts at 1 and grows by one with every update; earlier definitions stay as table versions. JSON writes it as text, as
    /// Glue's model has it (<c>"VersionId": "3"</c>), and reads it as text or as a number (catalogs written before).
    /// </summary>
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public long VersionId { get; init; }

    public StorageDescriptor StorageDescriptor { get; init; } = new();

    /// <summary>The value of a table parameter, or <c>null</c> when it is not set.</summary>
    public string? Parameter(string key) => Parameters.TryGetValue(key, out var value) ? value : null;

    /// <summary>The data columns followed by the partition keys: what a load returns.</summary>
    [JsonIgnore]
    public IEnumerable<Column> AllColumns => StorageDescriptor.Columns.Concat(PartitionKeys);
}
