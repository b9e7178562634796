namespace DevEndpoint.Accuracy;

/// <summary>Hive and DuckDB type names reduced to the categories both sniffers can be compared on.</summary>
internal static class TypeCategories
{
    private static readonly HashSet<string> Integers =
        ["tinyint", "smallint", "int", "integer", "bigint", "hugeint", "utinyint", "usmallint", "uinteger", "ubigint", "uhugeint"];

    /// <summary>
    /// <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>date</c>, <c>timestamp</c> or <c>string</c>. DuckDB's TIME is
    /// <c>string</c>: Hive has no time-of-day type, so a Glue catalog records such a column as a string.
    /// </summary>
    public static string Of(string type)
    {
        var name = type.Trim().ToLowerInvariant();
        return name switch
        {
            _ when Integers.Contains(name) => "integer",
            "double" or "float" or "real" or "numeric" => "number",
            _ when name.StartsWith("decimal", StringComparison.Ordinal) => "number",
            "boolean" or "bool" => "boolean",
            "date" => "date",
            _ when name.StartsWith("timestamp", StringComparison.Ordinal) => "timestamp",
            "varchar" or "string" or "text" or "time" or "time with time zone" => "string",
            _ => name,
        };
    }

    /// <summary>A column name reduced for matching: lower case, letters and digits, other runs as one underscore.</summary>
    public static string MatchName(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
    }
}
