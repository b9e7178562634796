using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

/// <summary>A big file is read in ranges at once; whatever the split, the frame is the one an in-order read gives.</summary>
public sealed class CsvRangeLoadingTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public CsvRangeLoadingTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(512)]
    [InlineData(4096)]
    [InlineData(100_000)]
    public async Task Ranges_give_the_frame_an_in_order_read_gives(long rangeBytes)
    {
        WriteRows(3000, badRows: []);
        await CrawlAsync();

        var inOrder = await new TableLoader(catalog).LoadAsync("lake.events", new LoadOptions { Limit = long.MaxValue });
        var ranged = await new TableLoader(catalog) { RangeBytes = rangeBytes, MaxRanges = 64 }.LoadAsync("lake.events");

        Assert.Equal(1, inOrder.PartsRead);
        Assert.True(ranged.PartsRead > 1 || rangeBytes > new FileInfo(temp.Combine("lake/events/a.csv")).Length / 2, $"{ranged.PartsRead} parts");
        Assert.Equal(3000, ranged.Frame.Rows.Count);
        AssertSameFrames(inOrder.Frame, ranged.Frame);
    }

    [Fact]
    public async Task A_file_is_split_into_no_more_ranges_than_the_loader_allows()
    {
        WriteRows(3000, badRows: []);
        await CrawlAsync();

        var inOrder = await new TableLoader(catalog).LoadAsync("lake.events", new LoadOptions { Limit = long.MaxValue });
        var ranged = await new TableLoader(catalog) { RangeBytes = 512, MaxRanges = 3 }.LoadAsync("lake.events");

        Assert.Equal(3, ranged.PartsRead);
        AssertSameFrames(inOrder.Frame, ranged.Frame);
    }

    [Fact]
    public async Task Bad_rows_in_later_ranges_are_named_by_their_line_in_the_file()
    {
        WriteRows(3000, badRows: []);
        await CrawlAsync();
        var lines = WriteRows(3000, badRows: [10, 1500, 2990]);

        var result = await new TableLoader(catalog) { RangeBytes = 4096, MaxRanges = 64 }.LoadAsync("lake.events");

        Assert.True(result.PartsRead > 1);
        Assert.Equal(2997, result.Frame.Rows.Count);
        Assert.Equal(3, result.BadRows);
        Assert.Equal(new object?[] { lines[10], lines[1500], lines[2990] }, result.Errors.Columns["line"].Cast<object?>().ToArray());
        Assert.All(result.Errors.Columns["reason"].Cast<string>(), r => Assert.Equal("cannot read 'oops' as int", r));
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_misleads_the_split_and_the_file_is_read_in_order()
    {
        var text = new StringBuilder("id,note\n");
        for (var i = 0; i < 2000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{(i == 5 ? "5'11\" tall" : $"\"row {i}\nsecond line\"")}\n");
        }

        temp.Write("lake/notes/a.csv", text.ToString());
        await CrawlAsync();

        var result = await new TableLoader(catalog) { RangeBytes = 2048, MaxRanges = 64 }.LoadAsync("lake.notes");

        Assert.Equal(1, result.PartsRead);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (object?)i), result.Frame.Columns["id"].Cast<object?>());
        Assert.Equal("5'11\" tall", result.Frame.Columns["note"][5]);
        Assert.Equal("row 1999\nsecond line", result.Frame.Columns["note"][1999]);
    }

    [Fact]
    public async Task Utf8_string_columns_read_in_ranges_match_an_in_order_read()
    {
        WriteRows(3000, badRows: []);
        await CrawlAsync();

        var inOrder = await new TableLoader(catalog).LoadAsync("lake.events", new LoadOptions { Limit = long.MaxValue, Strings = StringStorage.Utf8 });
        var ranged = await new TableLoader(catalog) { RangeBytes = 4096, MaxRanges = 64 }.LoadAsync("lake.events", new LoadOptions { Strings = StringStorage.Utf8 });

        Assert.True(ranged.PartsRead > 1);
        AssertSameFrames(inOrder.Frame, ranged.Frame);
    }

    [Fact]
    public async Task Lines_ended_by_carriage_returns_alone_are_read_in_order()
    {
        var text = new StringBuilder("id,name\r");
        for (var i = 0; i < 3000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},name {i}\r");
        }

        temp.Write("lake/old/a.csv", text.ToString());
        await CrawlAsync();

        var result = await new TableLoader(catalog) { RangeBytes = 2048, MaxRanges = 64 }.LoadAsync("lake.old");

        Assert.Equal(Enumerable.Range(0, 3000).Select(i => (object?)i), result.Frame.Columns["id"].Cast<object?>());
        Assert.Equal("name 2999", result.Frame.Columns["name"][2999]);
    }

    /// <summary>
    /// Writes rows with every kind of value a range boundary can fall into: quoted fields with delimiters, doubled quotes
    /// and line breaks, multi-byte UTF-8, nulls and CRLF line ends. Rows listed in <paramref name="badRows"/> get a
    /// value that is not an int in their int column. Returns the line each row starts on.
    /// </summary>
    private long[] WriteRows(int count, int[] badRows)
    {
        var text = new StringBuilder("id,amount,day,note,flag\r\n");
        var lines = new long[count];
        var line = 2L;
        for (var i = 0; i < count; i++)
        {
            lines[i] = line;
            var id = badRows.Contains(i) ? "oops" : i.ToString(CultureInfo.InvariantCulture);
            var note = (i % 5) switch
            {
                0 => "\"Zürich, \"\"old\"\" town\nnext line\"",
                1 => "plain",
                2 => string.Empty,
                3 => "\"🙂 emoji\"",
                _ => "\"a,b\"",
            };
            line += i % 5 == 0 ? 2 : 1;
            var amount = i % 7 == 0 ? string.Empty : (i * 1.25m).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{id},{amount},2024-01-{1 + (i % 28):00},{note},{(i % 2 == 0 ? "true" : "false")}\r\n");
        }

        temp.Write("lake/events/a.csv", text.ToString());
        return lines;
    }

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

    private static void AssertSameFrames(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.DataType)), actual.Columns.Select(c => (c.Name, c.DataType)));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            Assert.Equal(expected.Columns[c].NullCount, actual.Columns[c].NullCount);
            Assert.Equal(expected.Columns[c].Cast<object?>(), actual.Columns[c].Cast<object?>());
        }
    }
}
