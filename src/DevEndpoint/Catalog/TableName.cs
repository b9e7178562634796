namespace DevEndpoint.Catalog;

/// <summary>A table's qualified name, <c>database.table</c>. Catalog names are lower case, as in Glue.</summary>
public readonly record struct TableName(string Database, string Table)
{
    public static TableName Parse(string qualifiedName)
    {
        var trimmed = qualifiedName.Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == trimmed.Length - 1 || trimmed.IndexOf('.', dot + 1) >= 0)
        {
            throw new DevEndpointException(
                $"'{qualifiedName}' is not a table name. Name a table as <database>.<table>, for example sales.orders.");
        }

        return new TableName(Normalize(trimmed[..dot]), Normalize(trimmed[(dot + 1)..]));
    }

    /// <summary>Catalog names are stored and compared in lower case.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public override string ToString() => $"{Database}.{Table}";
}
