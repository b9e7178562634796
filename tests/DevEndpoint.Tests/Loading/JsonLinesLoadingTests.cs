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

    private static object?[] Row(Microsoft.Data.Analysis.DataFrame frame, int row, params string[] columns) =>
        columns.Select(c => frame.Columns[c][row]).ToArray();

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
}
