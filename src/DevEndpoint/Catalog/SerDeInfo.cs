namespace DevEndpoint.Catalog;

/// <summary>How rows are serialized in the files of a table (Glue's <c>SerdeInfo</c>).</summary>
public sealed record SerDeInfo
{
    public string? SerializationLibrary { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
