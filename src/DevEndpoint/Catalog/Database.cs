namespace DevEndpoint.Catalog;

/// <summary>A catalog database: a named group of tables (Glue's <c>Database</c>).</summary>
public sealed record Database
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? LocationUri { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreateTime { get; init; }
}
