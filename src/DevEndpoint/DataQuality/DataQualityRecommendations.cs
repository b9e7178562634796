using System.Globalization;
using DevEndpoint.Profiles;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>
/// Glue's recommendations: a ruleset the table passes today, from its measured figures, for a user to edit and keep:
/// the row count within 20 %, IsComplete or Completeness of each column, IsUnique where every value is distinct, the
/// values of columns with few distinct ones, string lengths, and the mean and range of numbers. The figures are measured
/// over the table (<see cref="SuggestAsync"/>), or taken from a saved profile of it (<see cref="Suggest"/>): the same rules.
/// </summary>
public static partial class DataQualityRecommendations
{
    /// <summary>At most this many distinct values make a column's values a set to recommend (ColumnValues in [...]).</summary>
    public const int MaxListedValues = 10;

    /// <summary>The recommended ruleset for <paramref name="target"/> (<c>&lt;database&gt;.&lt;table&gt;</c> or a DataFrame of <paramref name="options"/>), in DQDL.</summary>
    public static async Task<string> SuggestAsync(SqlSession session, string target, DataQualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new SqlQueryOptions { Frames = options?.Frames ?? new Dictionary<string, Microsoft.Data.Analysis.DataFrame>() };
        var relation = query.Frames.ContainsKey(target) ? SqlText.Quote(target) : Relation(session, target);
        var schema = await session.RunAsync($"SELECT * FROM {relation} LIMIT 0", query, cancellationToken);
        var columns = schema.Frame.Columns.Select((c, i) => (Name: c.Name, Kind: KindOf(schema.Types[i]), Quoted: SqlText.Quote(c.Name))).ToList();
        var figures = (await session.RunAsync($"SELECT {string.Join(", ", Aggregates(columns).Select((a, i) => $"{a} AS a{i}"))} FROM {relation}", query, cancellationToken)).Frame;
        double? Figure(int index) => figures.Columns[index][0] is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
        var rows = Figure(0) ?? 0;
        var measured = columns.Select((c, i) =>
        {
            var at = 1 + (i * 5);
            return c.Kind == ProfileKind.Text
                ? new ColumnFigures(c.Name, c.Kind, Figure(at) ?? 0, Figure(at + 1) ?? 0, null, null, null, Figure(at + 2), Figure(at + 3))
                : new ColumnFigures(c.Name, c.Kind, Figure(at) ?? 0, Figure(at + 1) ?? 0, Figure(at + 2), Figure(at + 3), Figure(at + 4), null, null);
        }).ToList();
        var listed = measured.Select((c, i) => (Column: columns[i], Figures: c)).Where(c => Listed(c.Figures, rows)).ToList();
        if (listed.Count > 0)
        {
            var sets = (await session.RunAsync(
                $"SELECT {string.Join(", ", listed.Select((l, i) => $"list(DISTINCT {l.Column.Quoted} ORDER BY {l.Column.Quoted}) FILTER (WHERE {l.Column.Quoted} IS NOT NULL) AS s{i}"))} FROM {relation}",
                query,
                cancellationToken)).Frame;
            for (var i = 0; i < listed.Count; i++)
            {
                var at = measured.IndexOf(listed[i].Figures);
                measured[at] = measured[at] with { ValueSet = Catalog.CatalogJson.Deserialize<List<string>>((string)sets.Columns[i][0]!)! };
            }
        }

        return Ruleset(rows, measured);
    }

    /// <summary>
    /// The recommended ruleset for the table or DataFrame <paramref name="profile"/> describes, from its figures instead of
    /// reading the rows again. A column's value set comes from its top values when they hold all its values; distinct
    /// counts the profile estimated (above <see cref="ProfileOptions.ExactDistinctRows"/> rows) suggest IsUnique only
    /// where the estimate reaches the count of values. A profile of a sample is refused: its row count is not the table's.
    /// With <paramref name="target"/>, the profile must be of that table (or DataFrame).
    /// </summary>
    public static string Suggest(TableProfile profile, string? target = null)
    {
        if (target is not null && !string.Equals(target.Trim(), profile.Source, StringComparison.OrdinalIgnoreCase))
        {
            throw DataQualityErrors.ProfileOfAnotherTable(target.Trim(), profile.Source);
        }

        if (profile.Sampled)
        {
            throw DataQualityErrors.SampledProfile(profile.Source, profile.Rows);
        }

        return Ruleset(profile.Rows, profile.Columns.Select(c => new ColumnFigures(
            c.Name,
            c.Kind,
            c.Count,
            c.Distinct,
            c.Kind == ProfileKind.Numeric ? c.Mean : null,
            c.Kind == ProfileKind.Numeric ? Number(c.Min) : null,
            c.Kind == ProfileKind.Numeric ? Number(c.Max) : null,
            c.Lengths?.Min,
            c.Lengths?.Max)
        {
            ValueSet = c.Kind == ProfileKind.Text && c.TopValues.Sum(t => t.Count) == c.Count
                ? [.. c.TopValues.Select(t => t.Value).Order(StringComparer.Ordinal)]
                : null,
        }).ToList());
    }

    /// <summary>
    /// The figures the rules are made from: the row count, then per column its values, distinct values, and for numbers
    /// mean, min and max, for text the shortest and longest length.
    /// </summary>
    private static List<string> Aggregates(List<(string Name, ProfileKind Kind, string Quoted)> columns)
    {
        var aggregates = new List<string> { "CAST(count(*) AS DOUBLE)" };
        foreach (var (_, kind, quoted) in columns)
        {
            aggregates.Add($"CAST(count({quoted}) AS DOUBLE)");
            aggregates.Add($"CAST(count(DISTINCT {quoted}) AS DOUBLE)");
            aggregates.Add(kind == ProfileKind.Numeric ? $"CAST(avg({quoted}) AS DOUBLE)" : kind == ProfileKind.Text ? $"CAST(min(length({quoted})) AS DOUBLE)" : "NULL::DOUBLE");
            aggregates.Add(kind == ProfileKind.Numeric ? $"CAST(min({quoted}) AS DOUBLE)" : kind == ProfileKind.Text ? $"CAST(max(length({quoted})) AS DOUBLE)" : "NULL::DOUBLE");
            aggregates.Add(kind == ProfileKind.Numeric ? $"CAST(max({quoted}) AS DOUBLE)" : "NULL::DOUBLE");
        }

        return aggregates;
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

    /// <summary>What a DuckDB type is to the rules: numbers get ranges and means, text lengths and value sets.</summary>
    private static ProfileKind KindOf(string type) => type switch
    {
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
            or "FLOAT" or "DOUBLE" => ProfileKind.Numeric,
        _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => ProfileKind.Numeric,
        "VARCHAR" => ProfileKind.Text,
        _ => ProfileKind.Other,
    };

    /// <summary>A profile's minimum or maximum as a number: a value of the profile, or a number read back from its JSON.</summary>
    private static double? Number(object? value) => value switch
    {
        null => null,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } json => json.GetDouble(),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json
            when double.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        System.Text.Json.JsonElement => null,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
