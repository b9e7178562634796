using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>Files in UTF-16 or Latin-1 are read as text (with CsvHelper): bad rows are named by file, line and column as in UTF-8 files.</summary>
public sealed class CsvTextPathTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public CsvTextPathTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_bad_value_in_a_utf16_file_fails_fast_naming_the_file_its_line_after_a_quoted_line_break_and_the_column()
    {
        var file = await CrawlThenBreakAsync(
            Encoding.Unicode,
            "id,note,amount\r\n1,\"two\r\nlines\",10.5\r\n2,plain,20.25\r\n3,\"say \"\"hi\"\"\",30\r\n",
            "20.25",
            "twenty");

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.t", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(
            $"{file}: line 4, column 'amount': cannot read 'twenty' as decimal(10,2). Fix the value, or re-crawl the table if its data changed.",
            error.Message);
    }

    [Fact]
    public async Task A_bad_value_in_a_latin1_file_is_set_aside_with_its_line_counting_blank_lines_and_the_preamble()
    {
        var file = await CrawlThenBreakAsync(
            Encoding.Latin1,
            "Cities, exported on Monday\nid;city;population\n1;Besançon;116000\n\n2;\"Zürich; CH\";421000\n3;Málaga;579000\n",
            "421000",
            "many");

        var result = await new TableLoader(catalog).LoadAsync("lake.t");

        Assert.Equal(("1", ";"), (catalog.GetTable(new TableName("lake", "t")).Parameter("preambleLineCount"), catalog.GetTable(new TableName("lake", "t")).Parameter("delimiter")));
        Assert.Equal(new object?[] { "Besançon", "Málaga" }, result.Frame.Columns["city"].Cast<object?>().ToArray());
        Assert.Equal(new object?[] { file, 5L, "population", "many", "cannot read 'many' as int" }, Assert.Single(result.Errors.Rows).ToArray());
    }

    [Fact]
    public async Task A_latin1_file_with_backslash_escaped_quotes_loads_its_text_as_crawled()
    {
        var file = temp.Combine("lake", "t", "a.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, Encoding.Latin1.GetBytes("id,note\n1,\"say \\\"olé\\\", then go\"\n2,plain\n"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var result = await new TableLoader(catalog).LoadAsync("lake.t");

        Assert.Equal("\\", catalog.GetTable(new TableName("lake", "t")).StorageDescriptor.SerdeInfo.Parameters["escapeChar"]);
        Assert.Equal(new object?[] { "say \"olé\", then go", "plain" }, result.Frame.Columns["note"].Cast<object?>().ToArray());
    }

    /// <summary>Crawls a table of one file in <paramref name="encoding"/>, then replaces a value with one its column's type cannot hold.</summary>
    private async Task<string> CrawlThenBreakAsync(Encoding encoding, string text, string good, string bad)
    {
        var file = temp.Combine("lake", "t", "a.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        await File.WriteAllBytesAsync(file, [.. encoding.GetPreamble(), .. encoding.GetBytes(text.Replace(good, bad, StringComparison.Ordinal))]);
        return file;
    }
}
