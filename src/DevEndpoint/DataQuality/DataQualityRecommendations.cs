using System.Globalization;
using System.Text;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>
/// Glue's recommendations: a ruleset the table passes today, from its measured figures, for a user to edit and keep:
/// the row count within 20 %, IsComplete or Completeness of each column, IsUnique where every value is distinct, the
/// values of columns with few distinct ones, string lengths, and the mean and range of numbers.
/// </summary>
public static class DataQualityRecommendations
{
    /// <summary>At most this many distinct values make a column's values a set to recommend (ColumnValues in [...]).</summary>
    public const int MaxListedValues = 10;

    /// <summary>The recommended ruleset for <paramref name="target"/> (<c>&lt;database&gt;.&lt;table&gt;</c> or a DataFrame of <paramref name="options"/>), in DQDL.</summary>
    public static async Task<string> SuggestAsync(SqlSession session, string target, DataQualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new SqlQueryOptions { Frames = options?.Frames ?? new Dictionary<string, Microsoft.Data.Analysis.DataFrame>() };
        var relation = query.Frames.ContainsKey(target) ? SqlText.Quote(target) : Relation(session, target);
        var schema = await session.RunAsync($"SELECT * FROM {relation} LIMIT 0", query, cancellationToken);
        var columns = schema.Frame.Columns.Select((c, i) => (Name: c.Name, Type: schema.Types[i], Quoted: SqlText.Quote(c.Name))).ToList();
        var figures = (await session.RunAsync($"SELECT {string.Join(", ", Aggregates(columns).Select((a, i) => $"{a} AS a{i}"))} FROM {relation}", query, cancellationToken)).Frame;
        double? Figure(int index) => figures.Columns[index][0] is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
        var rows = Figure(0) ?? 0;
        var rules = new List<string> { $"RowCount between {Down(rows * 0.8, 0)} and {Up(rows * 1.2, 0)}" };
        var listed = new List<(string Name, string Quoted, string Threshold)>();
        for (var c = 0; c < columns.Count; c++)
        {
            var at = 1 + (c * 5);
            ColumnRules(columns[c], rows, (Figure(at) ?? 0, Figure(at + 1) ?? 0, Figure(at + 2), Figure(at + 3), Figure(at + 4)), rules, listed);
        }

        if (listed.Count > 0)
        {
            await AddValueListsAsync(session, relation, query, listed, rules, cancellationToken);
        }

        var text = new StringBuilder("Rules = [\n");
        text.AppendJoin(",\n", rules.Select(r => $"    {r}"));
        text.Append("\n]\n");
        return text.ToString();
    }

    /// <summary>
    /// The figures the rules are made from: the row count, then per column its values, distinct values, and for numbers
    /// mean, min and max, for text the shortest and longest length.
    /// </summary>
    private static List<string> Aggregates(List<(string Name, string Type, string Quoted)> columns)
    {
        var aggregates = new List<string> { "CAST(count(*) AS DOUBLE)" };
        foreach (var (_, type, quoted) in columns)
        {
            aggregates.Add($"CAST(count({quoted}) AS DOUBLE)");
            aggregates.Add($"CAST(count(DISTINCT {quoted}) AS DOUBLE)");
            aggregates.Add(Numeric(type) ? $"CAST(avg({quoted}) AS DOUBLE)" : type == "VARCHAR" ? $"CAST(min(length({quoted})) AS DOUBLE)" : "NULL::DOUBLE");
            aggregates.Add(Numeric(type) ? $"CAST(min({quoted}) AS DOUBLE)" : type == "VARCHAR" ? $"CAST(max(length({quoted})) AS DOUBLE)" : "NULL::DOUBLE");
            aggregates.Add(Numeric(type) ? $"CAST(max({quoted}) AS DOUBLE)" : "NULL::DOUBLE");
        }

        return aggregates;
    }

    /// <summary>The rules one column's figures suggest; a text column of few distinct values is listed for a value-set rule.</summary>
    private static void ColumnRules(
        (string Name, string Type, string Quoted) column,
        double rows,
        (double Values, double Distinct, double? First, double? Second, double? Third) figures,
        List<string> rules,
        List<(string Name, string Quoted, string Threshold)> listed)
    {
        var (name, type, quoted) = column;
        var (values, distinct, first, second, third) = figures;
        var shown = name.Replace("\"", "\\\"", StringComparison.Ordinal);
        var threshold = values < rows ? $" with threshold >= {Down(values / rows, 4)}" : string.Empty;
        if (rows > 0 && values == rows)
        {
            rules.Add($"IsComplete \"{shown}\"");
        }
        else if (values > 0)
        {
            rules.Add($"Completeness \"{shown}\" >= {Down(values / rows, 4)}");
        }

        if (values > 1 && distinct == values && values == rows)
        {
            rules.Add($"IsUnique \"{shown}\"");
        }
        else if (type == "VARCHAR" && distinct is > 0 and <= MaxListedValues && distinct < values)
        {
            listed.Add((shown, quoted, threshold));
        }

        if (type == "VARCHAR" && first is { } shortest && second is { } longest)
        {
            rules.Add($"ColumnLength \"{shown}\" between {Down(shortest, 0)} and {Up(longest, 0)}{threshold}");
        }
        else if (Numeric(type) && first is { } mean && second is { } min && third is { } max)
        {
            rules.Add($"ColumnValues \"{shown}\" between {Down(min, 4)} and {Up(max, 4)}{threshold}");
            var spread = Math.Abs(mean) * 0.1;
            rules.Add($"Mean \"{shown}\" between {Down(mean - spread, 4)} and {Up(mean + spread, 4)}");
        }
    }

    /// <summary>A <c>ColumnValues ... in [...]</c> rule for each listed column, with its distinct values in order.</summary>
    private static async Task AddValueListsAsync(
        SqlSession session, string relation, SqlQueryOptions query, List<(string Name, string Quoted, string Threshold)> listed, List<string> rules, CancellationToken cancellationToken)
    {
        var sets = (await session.RunAsync(
            $"SELECT {string.Join(", ", listed.Select((l, i) => $"list(DISTINCT {l.Quoted} ORDER BY {l.Quoted}) FILTER (WHERE {l.Quoted} IS NOT NULL) AS s{i}"))} FROM {relation}",
            query,
            cancellationToken)).Frame;
        for (var i = 0; i < listed.Count; i++)
        {
            var items = Catalog.CatalogJson.Deserialize<List<string>>((string)sets.Columns[i][0]!)!;
            rules.Add($"ColumnValues \"{listed[i].Name}\" in [{string.Join(", ", items.Select(v => $"\"{v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""))}]{listed[i].Threshold}");
        }
    }

    private static string Relation(SqlSession session, string target)
    {
        if (!target.Contains('.', StringComparison.Ordinal))
        {
            throw DataQualityErrors.BadTarget(target);
        }

        var name = Catalog.TableName.Parse(target);
        session.Catalog.GetTable(name);
        return $"{SqlText.Quote(name.Database)}.{SqlText.Quote(name.Table)}";
    }

    private static bool Numeric(string type) =>
        type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "FLOAT" or "DOUBLE" || type.StartsWith("DECIMAL", StringComparison.Ordinal);

    private static string Down(double value, int digits) => (Math.Floor(value * Math.Pow(10, digits)) / Math.Pow(10, digits)).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Up(double value, int digits) => (Math.Ceiling(value * Math.Pow(10, digits)) / Math.Pow(10, digits)).ToString("0.####", CultureInfo.InvariantCulture);
}
