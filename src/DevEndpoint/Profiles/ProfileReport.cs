using System.Globalization;
using System.Xml.Linq;

namespace DevEndpoint.Profiles;

/// <summary>
/// A profile as HTML: a table of the columns' figures, each with its histogram or bar chart, and the correlation heat map,
/// all inline SVG and CSS (no script, nothing fetched), so it shows in a notebook and opens in a browser without a kernel.
/// The markup is well-formed XML as well as HTML.
/// </summary>
public static class ProfileReport
{
    private const string Style = """
        .de-profile { font-family: sans-serif; font-size: 13px; }
        .de-profile table { border-collapse: collapse; }
        .de-profile th, .de-profile td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: right; vertical-align: top; }
        .de-profile th { background: #f4f4f4; }
        .de-profile td.name, .de-profile th.name { text-align: left; font-weight: bold; }
        .de-profile td.chart { text-align: left; }
        .de-profile .note { color: #555; }
        """;

    /// <summary>A whole HTML page of the profile, to save and open in a browser.</summary>
    public static string Document(TableProfile profile)
    {
        var html = new XElement(
            "html",
            new XAttribute("lang", "en"),
            new XElement(
                "head",
                new XElement("meta", new XAttribute("charset", "utf-8")),
                new XElement("title", $"Profile of {profile.Source}"),
                new XElement("style", Style)),
            new XElement("body", Body(profile)));
        return "<!DOCTYPE html>\n" + html.ToString(SaveOptions.None) + "\n";
    }

    /// <summary>Writes <see cref="Document"/> to <paramref name="path"/> (UTF-8), replacing the file whole or leaving it as it was.</summary>
    public static void Save(TableProfile profile, string path) => AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(Document(profile)));

    /// <summary>The profile as a part of a page (a notebook's output), with its own style.</summary>
    public static string Fragment(TableProfile profile) =>
        new XElement("div", new XElement("style", Style), Body(profile)).ToString(SaveOptions.DisableFormatting);

    private static XElement Body(TableProfile profile)
    {
        var body = new XElement(
            "div",
            new XAttribute("class", "de-profile"),
            new XElement("h3", $"Profile of {profile.Source}"),
            new XElement("p", Summary(profile)),
            Columns(profile));
        if (profile.Columns.Count(c => c.Kind == ProfileKind.Numeric) >= 2)
        {
            body.Add(new XElement("h4", "Correlations of the numeric columns"), ProfileCharts.HeatMap(profile));
        }

        return body;
    }

    /// <summary>The profile in a sentence: rows, duplicate rows, columns, and whether it is of a sample.</summary>
    public static string Summary(TableProfile profile) =>
        $"{Count(profile.Rows)} rows{(profile.Sampled ? " (a random sample)" : string.Empty)}, {Count(profile.DuplicateRows)} duplicate rows, {profile.Columns.Count} columns.";

    private static XElement Columns(TableProfile profile)
    {
        string[] headers = ["Column", "Type", "Count", "Nulls", "Distinct", "Min", "Max", "Mean", "Std dev", "p25", "p50", "p75", "Length min/mean/max", "Distribution"];
        var table = new XElement("table", new XElement("tr", headers.Select((h, i) => new XElement("th", i == 0 ? new XAttribute("class", "name") : null, h))));
        foreach (var column in profile.Columns)
        {
            table.Add(new XElement(
                "tr",
                new XElement("td", new XAttribute("class", "name"), column.Name),
                Cell(column.Type),
                Cell(Count(column.Count)),
                Cell(Count(column.Nulls)),
                Cell((column.DistinctIsApproximate ? "≈" : string.Empty) + Count(column.Distinct)),
                Cell(Value(column.Min)),
                Cell(Value(column.Max)),
                Cell(Number(column.Mean)),
                Cell(Number(column.StandardDeviation)),
                Cell(Number(column.Percentile(25))),
                Cell(Number(column.Percentile(50))),
                Cell(Number(column.Percentile(75))),
                Cell(column.Lengths is { } l ? $"{l.Min} / {Number(l.Mean)} / {l.Max}" : string.Empty),
                new XElement("td", new XAttribute("class", "chart"), Chart(column))));
        }

        return table;
    }

    private static object Chart(ColumnProfile column) => column switch
    {
        { Histogram: { } histogram } => ProfileCharts.Histogram(histogram, column.Kind),
        { TopValues.Count: > 0 } => ProfileCharts.Bars(column.TopValues),
        _ => new XElement("span", new XAttribute("class", "note"), "no values"),
    };

    private static XElement Cell(string text) => new("td", text);

    /// <summary>A value as a report shows it: numbers invariant, dates without a midnight time.</summary>
    internal static string Value(object? value) => value switch
    {
        null => string.Empty,
        DateTime { TimeOfDay.Ticks: 0 } d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => Number(d),
        float f => Number(f),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? string.Empty;

    internal static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
