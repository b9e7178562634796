using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>JSON lines read from bytes: in ranges or in order the same frame, and bad lines handled by the load's mode.</summary>
public sealed class JsonLinesLoadingTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public JsonLinesLoadingTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(700)]
    [InlineData(8192)]
    public async Task Ranges_give_the_frame_an_in_order_read_gives(long rangeBytes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            var tags = i % 3 == 0 ? "[1,2]" : "[]";
            var name = i % 4 == 0 ? "\"Z\\u00fcrich \\\"old\\\"\"" : i % 4 == 1 ? "null" : $"\"n{i}\"";
            text.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":{name},\"address\":{{\"city\":\"c{i % 7}\",\"zip\":{i % 100}}},\"tags\":{tags},\"score\":{i * 0.5}}}\r\n");
            if (i % 500 == 0)
            {
                text.Append("  \n");
            }
        }

        temp.Write("lake/people/a.json", text.ToString());
        await CrawlAsync();

        var inOrder = await new TableLoader(catalog).LoadAsync("lake.people", new LoadOptions { Limit = long.MaxValue });
        var ranged = await new TableLoader(catalog) { RangeBytes = rangeBytes, MaxRanges = 64 }.LoadAsync("lake.people");

        Assert.True(ranged.PartsRead > 1);
        Assert.Equal(2000, ranged.Frame.Rows.Count);
        Assert.Equal(inOrder.Frame.Columns.Select(c => c.Name), ranged.Frame.Columns.Select(c => c.Name));
        for (var c = 0; c < inOrder.Frame.Columns.Count; c++)
        {
            Assert.Equal(inOrder.Frame.Columns[c].Cast<object?>(), ranged.Frame.Columns[c].Cast<object?>());
        }

        Assert.Equal(new object?[] { 0, "Zürich \"old\"", "c0", 0, "[1,2]" }, Row(inOrder.Frame, 0, "id", "name", "address.city", "address.zip", "tags"));
        Assert.Equal(new object?[] { 1, null, "c1", 1, "[]" }, Row(inOrder.Frame, 1, "id", "name", "address.city", "address.zip", "tags"));
    }

    [Fact]
    public async Task Bad_values_and_lines_that_are_not_json_are_set_aside_with_their_line()
    {
        var file = temp.Write("lake/events/a.json", "{\"id\":1,\"at\":\"2024-01-01\"}\n{\"id\":2,\"at\":\"2024-01-02\"}\n{\"id\":3,\"at\":\"2024-01-03\"}\n");
        await CrawlAsync();
        File.WriteAllText(file, "{\"id\":1,\"at\":\"2024-01-01\"}\n{\"id\":\"two\",\"at\":\"2024-01-02\"}\n{\"id\":3,\"at\":}\n{\"id\":4}\n");

        var result = await new TableLoader(catalog).LoadAsync("lake.events");

        Assert.Equal(new object?[] { 1, 4 }, result.Frame.Columns["id"].Cast<object?>().ToArray());
        Assert.Equal(new object?[] { new DateTime(2024, 1, 1), null }, result.Frame.Columns["at"].Cast<object?>().ToArray());
        Assert.Equal(new object?[] { file, 2L, "id", "\"two\"", "cannot read '\"two\"' as int" }, result.Errors.Rows[0].ToArray());
        Assert.Equal(new object?[] { file, 3L, null, "{\"id\":3,\"at\":}", "invalid JSON at column 14" }, result.Errors.Rows[1].ToArray());
    }

    [Fact]
    public async Task Fail_fast_names_the_line_and_column_of_invalid_json()
    {
        var file = temp.Write("lake/events/a.json", "{\"id\":1}\n{\"id\":2}\n");
        await CrawlAsync();
        File.WriteAllText(file, "{\"id\":1}\n{\"id\":2} {\"id\":3}\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.events", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal($"{file}: line 2, column 10: invalid JSON. Fix the line, or re-crawl the table if its data changed.", error.Message);
    }

    [Fact]
    public async Task A_flat_line_reads_as_the_same_line_with_a_nested_member_reads()
    {
        // Each case twice: as it is (a flat object, scanned without a JSON reader) and with a struct member added (read by one).
        string[] cases =
        [
            "\"id\":1,\"name\":\"plain\",\"score\":1.5,\"flag\":true",
            " { \"name\" : \"esc \\\"q\\\" \\u00e9 \\n \\/\" , \"id\" : -2 ,\"score\":1.5e3,\"flag\":false } ",
            "\"id\":3,\"name\":\"\\ud83d\\ude00 Zürich\",\"score\":-0,\"flag\":null",
            "\"id\":4,\"name\":\"\",\"score\":2E-2,\"unknown\":[1,{\"a\":2}]",
            "\"id\":5,\"name\":null,\"score\":0.25,\"id\":6,\"name\":\"second\"",
            "\"id\":\"7\",\"name\":\"NULL\",\"score\":\"8.5\",\"flag\":\"true\"",
            "\"id\":\"eight\",\"name\":\"x\"",
            "\"id\":9,\"score\":true",
            "\"id\":10.5,\"name\":1e400",
            "\"id\":11,\"name\":\"tab\there\"",
            "\"id\":12,\"name\":\"bad \\x escape\"",
            "\"id\":013",
            "\"id\":14,\"score\":1.",
            "\"id\":15,\"flag\":tru",
            "\"id\":16,\"n\":5",
            "\"id\":17}{\"id\":18",
        ];
        var file = temp.Write("lake/flat/a.json", "{\"id\":1,\"name\":\"a\",\"score\":1.5,\"flag\":true,\"n\":{\"x\":1}}\n");
        await CrawlAsync();
        var text = new StringBuilder();
        foreach (var body in cases)
        {
            var trimmed = body.Trim();
            var inner = trimmed.StartsWith('{') ? trimmed[1..^1] : body;
            text.Append(trimmed.StartsWith('{') ? body : $"{{{body}}}").Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"{{\"n\":{{\"x\":2}},{inner}}}\n");
        }

        File.WriteAllText(file, text.ToString());

        var result = await new TableLoader(catalog).LoadAsync("lake.flat");

        var frame = result.Frame;
        Assert.Equal(0, frame.Rows.Count % 2);
        for (var row = 0; row < frame.Rows.Count; row += 2)
        {
            Assert.Equal(Row(frame, row, "id", "name", "score", "flag"), Row(frame, row + 1, "id", "name", "score", "flag"));
            Assert.Equal(2, frame.Columns["n.x"][row + 1]);
        }

        Assert.Equal(new object?[] { 1, -2, 3, 4, 5, 7, 16 }, frame.Columns["id"].Cast<object?>().Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(new object?[] { "plain", "esc \"q\" é \n /", "\U0001F600 Zürich", string.Empty, null, "NULL", null }, frame.Columns["name"].Cast<object?>().Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(new object?[] { 1.5, 1500.0, 0.0, 0.02, 0.25, 8.5, null }, frame.Columns["score"].Cast<object?>().Where((_, i) => i % 2 == 0).ToArray());
        Assert.Equal(0, result.Errors.Rows.Count % 2);
        Assert.Equal(2 * (cases.Length - 7), result.Errors.Rows.Count);
        for (var bad = 0; bad < result.Errors.Rows.Count; bad += 2)
        {
            var flat = result.Errors.Rows[bad].ToArray();
            var nested = result.Errors.Rows[bad + 1].ToArray();
            Assert.Equal((long)flat[1]! + 1, nested[1]);
            Assert.Equal(flat[2], nested[2]);
            if (flat[2] is not null)
            {
                // A bad value: the same value and reason (a line that is not JSON shows the line, which differs).
                Assert.Equal(flat[3..], nested[3..]);
            }
        }
    }

    private static object?[] Row(Microsoft.Data.Analysis.DataFrame frame, int row, params string[] columns) =>
        columns.Select(c => frame.Columns[c][row]).ToArray();

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
}
