using System.Globalization;
using System.Xml.Linq;

namespace DevEndpoint.Profiles;

/// <summary>
/// The charts of a profile as static SVG, drawn here without a charting library so a report shows them offline, in a
/// browser or a notebook alike: a histogram, a bar chart of top values and a correlation heat map. Each bar and cell
/// carries its figures as a tooltip (<c>title</c>).
/// </summary>
internal static class ProfileCharts
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const int HistogramWidth = 220;
    private const int HistogramHeight = 64;
    private const int BarRow = 15;
    private const int BarLabelWidth = 110;
    private const int BarWidth = 120;
    private const int Cell = 34;

    /// <summary>A histogram: a bar per bin, its range and count in the tooltip, the range's ends written under it.</summary>
    public static XElement Histogram(Histogram histogram, ProfileKind kind)
    {
        var max = Math.Max(1, histogram.Counts.Max());
        var width = (double)HistogramWidth / histogram.Counts.Count;
        var step = histogram.Counts.Count == 1 ? 0 : (histogram.End - histogram.Start) / histogram.Counts.Count;
        var chart = Root(HistogramWidth, HistogramHeight + 14, "histogram");
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            var height = (double)histogram.Counts[i] / max * HistogramHeight;
            var from = histogram.Start + (i * step);
            var to = i == histogram.Counts.Count - 1 ? histogram.End : from + step;
            chart.Add(new XElement(
                Svg + "rect",
                new XAttribute("x", Number(i * width)),
                new XAttribute("y", Number(HistogramHeight - height)),
                new XAttribute("width", Number(Math.Max(1, width - 1))),
                new XAttribute("height", Number(height)),
                new XAttribute("fill", "#4c78a8"),
                new XElement(Svg + "title", $"{Point(from, kind)} to {Point(to, kind)}: {Count(histogram.Counts[i])}")));
        }

        chart.Add(
            Text(0, HistogramHeight + 11, Point(histogram.Start, kind), "start"),
            Text(HistogramWidth, HistogramHeight + 11, Point(histogram.End, kind), "end"));
        return chart;
    }

    /// <summary>A bar chart of the top values: a row per value, its label, a bar as long as its count and the count.</summary>
    public static XElement Bars(IReadOnlyList<ValueCount> values)
    {
        var max = Math.Max(1, values.Max(v => v.Count));
        var chart = Root(BarLabelWidth + BarWidth + 50, values.Count * BarRow, "bar chart");
        for (var i = 0; i < values.Count; i++)
        {
            var (value, count) = (values[i].Value, values[i].Count);
            var y = i * BarRow;
            chart.Add(
                Text(BarLabelWidth - 4, y + 11, value.Length > 16 ? value[..15] + "…" : value, "end"),
                new XElement(
                    Svg + "rect",
                    new XAttribute("x", BarLabelWidth),
                    new XAttribute("y", y + 2),
                    new XAttribute("width", Number(Math.Max(1, (double)count / max * BarWidth))),
                    new XAttribute("height", BarRow - 4),
                    new XAttribute("fill", "#f58518"),
                    new XElement(Svg + "title", $"{value}: {Count(count)}")),
                Text(BarLabelWidth + ((double)count / max * BarWidth) + 4, y + 11, Count(count), "start"));
        }

        return chart;
    }

    /// <summary>A heat map of the correlations of the numeric columns: red for +1, white for 0, blue for -1, grey where undefined.</summary>
    public static XElement HeatMap(TableProfile profile)
    {
        var names = profile.Columns.Where(c => c.Kind == ProfileKind.Numeric).Select(c => c.Name).ToList();
        var label = Math.Min(160, 8 + (names.Max(n => n.Length) * 7));
        var size = names.Count * Cell;
        var chart = Root(label + size + 4, label + size + 4, "correlation heat map");
        for (var i = 0; i < names.Count; i++)
        {
            chart.Add(Text(label - 4, label + (i * Cell) + (Cell / 2) + 4, names[i], "end"));
            var x = label + (i * Cell) + (Cell / 2);
            var top = Text(x, label - 4, names[i], "start");
            top.SetAttributeValue("transform", $"rotate(-45 {x} {label - 4})");
            chart.Add(top);
            for (var j = 0; j < names.Count; j++)
            {
                var value = i == j ? 1.0 : profile.CorrelationOf(names[i], names[j]);
                var shown = value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
                chart.Add(
                    new XElement(
                        Svg + "rect",
                        new XAttribute("x", label + (j * Cell)),
                        new XAttribute("y", label + (i * Cell)),
                        new XAttribute("width", Cell - 1),
                        new XAttribute("height", Cell - 1),
                        new XAttribute("fill", Color(value)),
                        new XElement(Svg + "title", $"{names[i]} and {names[j]}: {shown}")),
                    Text(label + (j * Cell) + (Cell / 2), label + (i * Cell) + (Cell / 2) + 4, shown, "middle"));
            }
        }

        return chart;
    }

    /// <summary>White at 0, towards red (#d62728) for +1 and blue (#1f77b4) for -1.</summary>
    internal static string Color(double? value)
    {
        if (value is not { } v)
        {
            return "#cccccc";
        }

        var t = Math.Clamp(Math.Abs(v), 0, 1);
        var (r, g, b) = v >= 0 ? (214, 39, 40) : (31, 119, 180);
        int Mix(int c) => (int)Math.Round(255 + ((c - 255) * t));
        return $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}";
    }

    private static XElement Root(double width, double height, string label) => new(
        Svg + "svg",
        new XAttribute("width", Number(width)),
        new XAttribute("height", Number(height)),
        new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
        new XAttribute("role", "img"),
        new XAttribute("aria-label", label),
        new XAttribute("font-family", "sans-serif"),
        new XAttribute("font-size", "10"));

    private static XElement Text(double x, double y, string text, string anchor) => new(
        Svg + "text",
        new XAttribute("x", Number(x)),
        new XAttribute("y", Number(y)),
        new XAttribute("text-anchor", anchor),
        text);

    /// <summary>A point of a histogram's axis: a number, or for dates and timestamps the moment its seconds since 1970 are.</summary>
    private static string Point(double value, ProfileKind kind) => kind == ProfileKind.Temporal
        ? DateTime.UnixEpoch.AddSeconds(value) is var t && t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
