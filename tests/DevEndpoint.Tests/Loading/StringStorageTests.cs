using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

/// <summary><c>--strings auto</c>: repeated values stay shared .NET strings, values that rarely repeat become UTF-8 bytes; the text is the same either way.</summary>
public sealed class StringStorageTests : IDisposable
{
    private static readonly string[] Categories = ["amber-bag", "grey-tube", "violet-crate", "Zürich", "🙂"];
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public StringStorageTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public async Task Auto_keeps_repeated_values_as_strings_and_unique_text_as_utf8(string format)
    {
        Write(format, 10_000, uniqueFrom: 0);
        await CrawlAsync();

        var auto = await new TableLoader(catalog).LoadAsync("lake.orders");
        var dotnet = await new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { Strings = StringStorage.Dotnet });

        Assert.IsType<StringDataFrameColumn>(auto.Frame.Columns["category"]);
        Assert.IsType<Utf8StringDataFrameColumn>(auto.Frame.Columns["note"]);
        Assert.IsType<StringDataFrameColumn>(dotnet.Frame.Columns["note"]);
        AssertSameText(dotnet.Frame, auto.Frame);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public async Task Ranges_that_decide_differently_give_one_utf8_column_in_file_order(string format)
    {
        Write(format, 60_000, uniqueFrom: 30_000);
        await CrawlAsync();

        var ranged = await new TableLoader(catalog) { RangeBytes = 512 << 10, MaxRanges = 64 }.LoadAsync("lake.orders");
        var inOrder = await new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { Limit = long.MaxValue, Strings = StringStorage.Dotnet });

        Assert.True(ranged.PartsRead >= 3, $"{ranged.PartsRead} parts");
        Assert.IsType<Utf8StringDataFrameColumn>(ranged.Frame.Columns["note"]);
        Assert.IsType<StringDataFrameColumn>(ranged.Frame.Columns["category"]);
        AssertSameText(inOrder.Frame, ranged.Frame);
    }

    [Fact]
    public async Task Files_that_each_stay_strings_or_move_to_utf8_concatenate_in_order()
    {
        Write("csv", 10_000, uniqueFrom: int.MaxValue, name: "a");
        Write("csv", 10_000, uniqueFrom: 0, name: "b", firstId: 10_000);
        await CrawlAsync();

        var auto = await new TableLoader(catalog).LoadAsync("lake.orders");
        var dotnet = await new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { Strings = StringStorage.Dotnet });

        Assert.IsType<Utf8StringDataFrameColumn>(auto.Frame.Columns["note"]);
        AssertSameText(dotnet.Frame, auto.Frame);
    }

    [Fact]
    public async Task A_part_with_fewer_values_than_the_trial_keeps_strings()
    {
        Write("csv", 1000, uniqueFrom: 0);
        await CrawlAsync();

        var auto = await new TableLoader(catalog).LoadAsync("lake.orders");

        Assert.IsType<StringDataFrameColumn>(auto.Frame.Columns["note"]);
    }

    [Fact]
    public void An_unknown_storage_name_is_refused_with_the_choices()
    {
        var error = Assert.Throws<DevEndpointException>(() => LoadOptions.ParseStrings("fast"));

        Assert.Equal("Unknown string storage 'fast'. Use auto, dotnet (.NET strings) or utf8 (UTF-8 bytes: less memory, read-only).", error.Message);
        Assert.Equal(StringStorage.Utf8, LoadOptions.ParseStrings(" UTF8 "));
    }

    /// <summary>
    /// Rows with an id, a category from five values and a note that repeats (one of five) before row
    /// <paramref name="uniqueFrom"/> and is unique from there on, with quotes, commas and multi-byte text.
    /// </summary>
    private void Write(string format, int rows, int uniqueFrom, string name = "a", int firstId = 0)
    {
        var text = new StringBuilder(format == "csv" ? "id,category,note\n" : string.Empty);
        for (var i = firstId; i < firstId + rows; i++)
        {
            var category = Categories[i % Categories.Length];
            var note = i - firstId >= uniqueFrom ? $"note {i}, «{i * 7919 % 10007}» \"ok\"" : $"same {i % 5}";
            text.Append(format == "csv"
                ? string.Create(CultureInfo.InvariantCulture, $"{i},{category},\"{note.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n")
                : string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"category\":\"{category}\",\"note\":\"{note.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}\n"));
        }

        temp.Write($"lake/orders/{name}.{format}", text.ToString());
    }

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

    private static void AssertSameText(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        foreach (var column in new[] { "category", "note" })
        {
            Assert.Equal(expected.Columns[column].Cast<object?>(), actual.Columns[column].Cast<object?>());
        }

        Assert.Equal(expected.Columns["id"].Cast<object?>(), actual.Columns["id"].Cast<object?>());
    }
}
