using DevEndpoint.Formats;

namespace DevEndpoint.Classifiers.Internals;

/// <summary>
/// Glue's custom datatypes of a CSV classifier: the only types a column may take. An inferred type not among them
/// widens to the first listed type that holds its values (an int to LONG, DECIMAL or DOUBLE), else to STRING.
/// </summary>
internal static class DatatypeFilter
{
    public static IReadOnlyList<string> Names { get; } = ["BINARY", "BOOLEAN", "DATE", "DECIMAL", "DOUBLE", "FLOAT", "INT", "LONG", "SHORT", "STRING", "TIMESTAMP"];

    public static IReadOnlySet<string> Check(string classifier, IReadOnlyList<string> datatypes)
    {
        var set = datatypes.Select(d => d.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (set.Except(Names).FirstOrDefault() is { } unknown)
        {
            throw ClassifierErrors.Invalid(classifier, $"'{unknown}' is not a custom datatype. Use {string.Join(", ", Names)}.");
        }

        return set;
    }

    /// <summary>The schema with each column's type narrowed to the allowed ones; a column that became a string loses its date format.</summary>
    public static FileSchema Apply(FileSchema schema, IReadOnlySet<string> allowed)
    {
        if (allowed.Count == 0)
        {
            return schema;
        }

        var columns = schema.Columns.Select(c => c with { Type = Allowed(c.Type, allowed) }).ToList();
        var strings = columns.Where(c => c.Type == "string").Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var csv = schema.Csv! with { DateFormats = schema.Csv.DateFormats.Where(f => !strings.Contains(f.Key)).ToDictionary() };
        return schema with { Columns = columns, Csv = csv };
    }

    private static string Allowed(string hiveType, IReadOnlySet<string> allowed)
    {
        (string Datatype, string HiveType)[] widenings = hiveType switch
        {
            "boolean" => [("BOOLEAN", "boolean")],
            "int" => [("INT", "int"), ("LONG", "bigint"), ("DECIMAL", "decimal(20,0)"), ("DOUBLE", "double")],
            "bigint" => [("LONG", "bigint"), ("DECIMAL", "decimal(20,0)"), ("DOUBLE", "double")],
            "double" => [("DOUBLE", "double")],
            "date" => [("DATE", "date")],
            "timestamp" => [("TIMESTAMP", "timestamp")],
            _ when hiveType.StartsWith("decimal", StringComparison.Ordinal) => [("DECIMAL", hiveType), ("DOUBLE", "double")],
            _ => [],
        };
        return widenings.Where(w => allowed.Contains(w.Datatype)).Select(w => w.HiveType).FirstOrDefault() ?? "string";
    }
}
