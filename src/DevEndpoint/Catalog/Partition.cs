namespace DevEndpoint.Catalog;

/// <summary>One partition of a table: the values of its partition keys and where its files are (Glue's <c>Partition</c>).</summary>
public sealed record Partition
{
    /// <summary>
    /// Hive's value for a partition whose value is null or empty (a <c>key=</c> folder; Glue refuses an empty value): a
    /// load reads it back as null.
    /// </summary>
    internal const string HiveDefaultValue = "__HIVE_DEFAULT_PARTITION__";

    public required IReadOnlyList<string> Values { get; init; }

    public required string DatabaseName { get; init; }

    public required string TableName { get; init; }

    public DateTimeOffset CreationTime { get; init; }

    public StorageDescriptor StorageDescriptor { get; init; } = new();

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
