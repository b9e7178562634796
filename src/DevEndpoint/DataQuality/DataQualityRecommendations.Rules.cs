using System.Globalization;
using System.Text;
using DevEndpoint.Profiles;

namespace DevEndpoint.DataQuality;

/// <summary>The rules the figures of a table suggest, whether measured now or taken from a profile.</summary>
public static partial class DataQualityRecommendations
{
    /// <summary>The ruleset: the row count, each column's rules in order, then the value-set rules.</summary>
    private static string Ruleset(double rows, IReadOnlyList<ColumnFigures> columns)
    {
        var rules = new List<string> { $"RowCount between {Down(rows * 0.8, 0)} and {Up(rows * 1.2, 0)}" };
        foreach (var column in columns)
        {
            ColumnRules(column, rows, rules);
        }

        foreach (var column in columns.Where(c => Listed(c, rows) && c.ValueSet is not null))
        {
            rules.Add($"ColumnValues \"{Shown(column.Name)}\" in [{string.Join(", ", column.ValueSet!.Select(v => $"\"{v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""))}]{Threshold(column, rows)}");
        }

        var text = new StringBuilder("Rules = [\n");
        text.AppendJoin(",\n", rules.Select(r => $"    {r}"));
        text.Append("\n]\n");
        return text.ToString();
    }

    /// <summary>The rules one column's figures suggest, but its value set.</summary>
    private static void ColumnRules(ColumnFigures column, double rows, List<string> rules)
    {
        var shown = Shown(column.Name);
        var values = column.Values;
        if (rows > 0 && values == rows)
        {
            rules.Add($"IsComplete \"{shown}\"");
        }
        else if (values > 0)
        {
            rules.Add($"Completeness \"{shown}\" >= {Down(values / rows, 4)}");
        }

        if (Unique(column, rows))
        {
            rules.Add($"IsUnique \"{shown}\"");
        }

        if (column.Kind == ProfileKind.Text && column.ShortestLength is { } shortest && column.LongestLength is { } longest)
        {
            rules.Add($"ColumnLength \"{shown}\" between {Down(shortest, 0)} and {Up(longest, 0)}{Threshold(column, rows)}");
        }
        else if (column.Kind == ProfileKind.Numeric && column.Mean is { } mean && column.Min is { } min && column.Max is { } max)
        {
            rules.Add($"ColumnValues \"{shown}\" between {Down(min, 4)} and {Up(max, 4)}{Threshold(column, rows)}");
            var spread = Math.Abs(mean) * 0.1;
            rules.Add($"Mean \"{shown}\" between {Down(mean - spread, 4)} and {Up(mean + spread, 4)}");
        }
    }

    private static bool Unique(ColumnFigures column, double rows) => column.Values > 1 && column.Distinct == column.Values && column.Values == rows;

    /// <summary>Whether a column's values are few enough to list: text, not unique, at most <see cref="MaxListedValues"/> distinct values.</summary>
    private static bool Listed(ColumnFigures column, double rows) =>
        !Unique(column, rows) && column.Kind == ProfileKind.Text && column.Distinct is > 0 and <= MaxListedValues && column.Distinct < column.Values;

    /// <summary>The threshold of a column with nulls (its rules hold for the share of rows with a value), else nothing.</summary>
    private static string Threshold(ColumnFigures column, double rows) => column.Values < rows ? $" with threshold >= {Down(column.Values / rows, 4)}" : string.Empty;

    private static string Shown(string name) => name.Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Down(double value, int digits) => (Math.Floor(value * Math.Pow(10, digits)) / Math.Pow(10, digits)).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Up(double value, int digits) => (Math.Ceiling(value * Math.Pow(10, digits)) / Math.Pow(10, digits)).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// One column's figures: its values (non-null), distinct values, for numbers the mean and extremes, for text the
    /// shortest and longest length in characters and, where listed, its distinct values in order.
    /// </summary>
    private sealed record ColumnFigures(
        string Name, ProfileKind Kind, double Values, double Distinct, double? Mean, double? Min, double? Max, double? ShortestLength, double? LongestLength)
    {
        public IReadOnlyList<string>? ValueSet { get; init; }
    }
}
