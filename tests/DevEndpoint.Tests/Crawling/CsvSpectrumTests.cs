using System.Text.Json;

namespace DevEndpoint.Tests.Crawling;

/// <summary>CSV edge cases from csv-spectrum (corpora/csv-spectrum): each file crawled alone, loaded, and checked against its JSON.</summary>
public sealed class CsvSpectrumTests
{
    private static string CsvFolder => Corpora.Path("csv-spectrum", "csvs");

    [Theory]
    [InlineData("comma_in_quotes")]
    [InlineData("empty")]
    [InlineData("empty_crlf")]
    [InlineData("escaped_quotes")]
    [InlineData("json")]
    [InlineData("newlines")]
    [InlineData("newlines_crlf")]
    [InlineData("quotes_and_newlines")]
    [InlineData("simple")]
    [InlineData("simple_crlf")]
    [InlineData("utf8")]
    public async Task A_csv_spectrum_file_loads_as_its_expected_records(string name)
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "spectrum", CrawledFolder.ExcludeAllBut(CsvFolder, $"{name}.csv"));

        var frame = (await crawl.LoadAsync("csvs")).Frame;

        // The corpus copy stores the *_crlf files with LF line ends, while their JSON keeps the CRLF of the original.
        var lineEnd = File.ReadAllText(Path.Combine(CsvFolder, $"{name}.csv")).Contains('\r', StringComparison.Ordinal) ? "\r\n" : "\n";
        using var json = JsonDocument.Parse(File.ReadAllText(Corpora.Path("csv-spectrum", "json", $"{name}.json")));
        var records = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(records[0].EnumerateObject().Select(p => p.Name), frame.Columns.Select(c => c.Name));
        Assert.Equal(records.Count, frame.Rows.Count);
        for (var row = 0; row < records.Count; row++)
        {
            Assert.Equal(records[row].EnumerateObject().Select(p => p.Value.GetString()!.Replace("\r\n", lineEnd, StringComparison.Ordinal)), frame.Rows[row].Select(CrawledFolder.Text));
        }
    }

    [Theory]
    [InlineData("comma_in_quotes", 5, "city string")]
    [InlineData("newlines", 3, "a string")]
    [InlineData("quotes_and_newlines", 2, "b string")]
    public async Task Quoted_commas_and_line_breaks_do_not_change_the_column_count(string name, int columns, string column)
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "spectrum", CrawledFolder.ExcludeAllBut(CsvFolder, $"{name}.csv"));

        var table = crawl.Table("csvs");

        Assert.Equal(columns, table.StorageDescriptor.Columns.Count);
        Assert.Contains(column, table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal("1", table.Parameter("skip.header.line.count"));
    }

    [Fact]
    public async Task A_zip_code_with_a_leading_zero_stays_text()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "spectrum", CrawledFolder.ExcludeAllBut(CsvFolder, "comma_in_quotes.csv"));

        var frame = (await crawl.LoadAsync("csvs")).Frame;

        Assert.Equal("string", crawl.Table("csvs").StorageDescriptor.Columns.Single(c => c.Name == "zip").Type);
        Assert.Equal("08123", frame.Columns["zip"][0]);
        Assert.Equal("Anytown, WW", frame.Columns["city"][0]);
    }
}
