using System.Xml.Linq;
using DevEndpoint.Catalog;
using DevEndpoint.Profiles;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Profiles;

/// <summary>The HTML report and its SVG charts: well-formed, self-contained, and drawing the profile's own figures.</summary>
public sealed class ProfileReportTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public ProfileReportTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task The_report_is_a_well_formed_page_with_no_script_and_nothing_fetched()
    {
        var profile = await ProfileAsync();

        var html = ProfileReport.Document(profile);
        var page = XDocument.Parse(html);

        Assert.StartsWith("<!DOCTYPE html>\n<html", html, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Descendants(), e => e.Name.LocalName is "script" or "link" or "img" or "iframe");
        Assert.DoesNotContain(page.Descendants().Attributes(), a => a.Value.Contains("http", StringComparison.Ordinal) && a.Name.LocalName != "xmlns");
        Assert.Equal(["meta"], page.Descendants().Where(e => e.Name.Namespace == XNamespace.None && e.IsEmpty).Select(e => e.Name.LocalName).Distinct());
    }

    [Fact]
    public async Task Each_column_has_its_histogram_or_bar_chart_drawing_its_counts()
    {
        var profile = await ProfileAsync();

        var page = XElement.Parse(ProfileReport.Fragment(profile));
        var charts = page.Descendants("td").Where(td => (string?)td.Attribute("class") == "chart").ToList();

        Assert.Equal(profile.Columns.Count, charts.Count);
        var amount = charts[profile.Columns.ToList().FindIndex(c => c.Name == "amount")].Element(Svg + "svg")!;
        Assert.Equal("histogram", (string?)amount.Attribute("aria-label"));
        Assert.Equal(profile["amount"]!.Histogram!.Counts, amount.Elements(Svg + "rect").Select(r => long.Parse(r.Element(Svg + "title")!.Value.Split(": ")[1].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));
        var word = charts[profile.Columns.ToList().FindIndex(c => c.Name == "word")].Element(Svg + "svg")!;
        Assert.Equal("bar chart", (string?)word.Attribute("aria-label"));
        Assert.Equal(profile["word"]!.TopValues.Select(t => $"{t.Value}: {t.Count}"), word.Elements(Svg + "rect").Select(r => r.Element(Svg + "title")!.Value));
    }

    [Fact]
    public async Task The_heat_map_has_a_cell_per_pair_of_numeric_columns_coloured_by_their_correlation()
    {
        var profile = await ProfileAsync();

        var page = XElement.Parse(ProfileReport.Fragment(profile));
        var map = page.Descendants(Svg + "svg").Single(s => (string?)s.Attribute("aria-label") == "correlation heat map");
        var cells = map.Elements(Svg + "rect").ToList();

        Assert.Equal(9, cells.Count);
        var pair = cells.Single(c => c.Element(Svg + "title")!.Value.StartsWith("amount and quantity:", StringComparison.Ordinal));
        Assert.Equal(ProfileCharts.Color(profile.CorrelationOf("amount", "quantity")), (string?)pair.Attribute("fill"));
    }

    [Fact]
    public void The_heat_map_colours_run_from_blue_through_white_to_red()
    {
        Assert.Equal("#1f77b4", ProfileCharts.Color(-1));
        Assert.Equal("#ffffff", ProfileCharts.Color(0));
        Assert.Equal("#d62728", ProfileCharts.Color(1));
        Assert.Equal("#cccccc", ProfileCharts.Color(null));
    }

    private Task<TableProfile> ProfileAsync()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("id", Enumerable.Range(0, 40).Select(i => (int?)i)),
            new DoubleDataFrameColumn("amount", Enumerable.Range(0, 40).Select(i => i % 9 == 0 ? null : (double?)(i * i * 0.5))),
            new Int64DataFrameColumn("quantity", Enumerable.Range(0, 40).Select(i => (long?)(40 - i))),
            new StringDataFrameColumn("word", Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? "<b>&amp;" : $"w{i % 3}")),
            new DateTimeDataFrameColumn("day", Enumerable.Range(0, 40).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddDays(i * 3))));
        return new Profiler(catalog).ProfileFrameAsync(frame, "frame");
    }
}
