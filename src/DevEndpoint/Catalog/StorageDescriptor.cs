namespace DevEndpoint.Catalog;

/// <summary>Where and how a table's or a partition's data is stored (Glue's <c>StorageDescriptor</c>).</summary>
public sealed record StorageDescriptor
{
    public IReadOnlyList<Column> Columns { get; init; } = [];

    public string? Location { get; init; }

    public string? InputFormat { get; init; }

    public string? OutputFormat { get; init; }

    public bool Compressed { get; init; }

    public SerDeInfo SerdeInfo { get; init; } = new();

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
