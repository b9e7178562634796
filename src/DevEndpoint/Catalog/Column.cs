namespace DevEndpoint.Catalog;

/// <summary>A column of a table or a partition key, as in Glue: a name, a Hive type string and a comment.</summary>
public sealed record Column(string Name, string Type, string? Comment = null);
