using System.Globalization;

namespace DevEndpoint.Catalog;

/// <summary>
/// Keeps a table's definition within the limits of Glue's model: a parameter value of at most 512,000 characters, a
/// column type of at most 131,072. A longer value (a <c>sharedFolderFiles</c> list of thousands of files, the type of a
/// struct of thousands of fields) is kept whole beside the definition, in the catalog's <c>long_values</c> table, and the
/// definition says what was shortened in its <see cref="ShortenedParameter"/>: the parameter is left out, the column's
/// type becomes <c>string</c>. Reading a table from the catalog puts the whole values back, so loads and crawls see
/// them; <c>--json</c> prints the definition as stored.
/// </summary>
internal static class GlueLimits
{
    /// <summary>The table parameter that says which values were shortened and where they are kept whole.</summary>
    public const string ShortenedParameter = "shortenedValues";

    /// <summary>Glue's <c>ParametersMapValue</c> maximum.</summary>
    public const int MaxParameterValue = 512_000;

    /// <summary>Glue's <c>ColumnTypeString</c> maximum.</summary>
    public const int MaxColumnType = 131_072;

    private const string ParameterKey = "parameter:";
    private const string ColumnKey = "column:";

    /// <summary>The definition within Glue's limits, and the values it shortened by their key in <c>long_values</c>.</summary>
    public static (CatalogTable Table, IReadOnlyDictionary<string, string> LongValues) Fit(CatalogTable table)
    {
        var longValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in table.Parameters.Where(p => p.Key != ShortenedParameter))
        {
            if (value.Length > MaxParameterValue)
            {
                longValues[ParameterKey + key] = value;
                notes.Add(Invariant($"parameter {key} ({value.Length} characters) left out"));
            }
            else
            {
                parameters[key] = value;
            }
        }

        var columns = table.StorageDescriptor.Columns.Select(column =>
        {
            if (column.Type.Length <= MaxColumnType)
            {
                return column;
            }

            longValues[ColumnKey + column.Name] = column.Type;
            notes.Add(Invariant($"type of column {column.Name} ({column.Type.Length} characters) written as string"));
            return column with { Type = "string" };
        }).ToList();
        if (notes.Count == 0)
        {
            return (table, longValues);
        }

        parameters[ShortenedParameter] = $"{string.Join("; ", notes)}: too long for Glue, kept whole in the catalog's long_values table.";
        return (table with { Parameters = parameters, StorageDescriptor = table.StorageDescriptor with { Columns = columns } }, longValues);
    }

    /// <summary>Whether the stored definition had values shortened, which <see cref="Restore"/> puts back.</summary>
    public static bool IsShortened(CatalogTable stored) => stored.Parameters.ContainsKey(ShortenedParameter);

    /// <summary>The definition as it was given to <see cref="Fit"/>: the shortened values put back whole.</summary>
    public static CatalogTable Restore(CatalogTable stored, IReadOnlyDictionary<string, string> longValues)
    {
        var parameters = stored.Parameters.Where(p => p.Key != ShortenedParameter).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in longValues.Where(v => v.Key.StartsWith(ParameterKey, StringComparison.Ordinal)))
        {
            parameters[key[ParameterKey.Length..]] = value;
        }

        var columns = stored.StorageDescriptor.Columns
            .Select(c => longValues.TryGetValue(ColumnKey + c.Name, out var type) ? c with { Type = type } : c)
            .ToList();
        return stored with { Parameters = parameters, StorageDescriptor = stored.StorageDescriptor with { Columns = columns } };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
