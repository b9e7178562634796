namespace DevEndpoint.Tests.Crawling;

/// <summary>Apache parquet-testing's bad_data folder (corpora/parquet-testing/bad_data): files that must fail cleanly, never crash.</summary>
public sealed class ParquetTestingBadDataTests
{
    private const string UnreadableParquet = "not a readable Parquet file (";

    private static string BadDataFolder => Corpora.Path("parquet-testing", "bad_data");

    [Theory]
    [InlineData("ARROW-GH-41317.parquet")]
    [InlineData("ARROW-GH-41321.parquet")]
    [InlineData("ARROW-GH-43605.parquet")]
    [InlineData("ARROW-GH-45185.parquet")]
    [InlineData("ARROW-GH-47662.parquet")]
    [InlineData("ARROW-RS-GH-6229-DICTHEADER.parquet")]
    [InlineData("ARROW-RS-GH-6229-LEVELS.parquet")]
    [InlineData("PARQUET-1481.parquet")]
    public async Task A_bad_parquet_file_is_skipped_or_fails_to_load_with_an_error_naming_it(string name)
    {
        using var crawl = await CrawledFolder.CreateAsync(BadDataFolder, "bad", CrawledFolder.ExcludeAllBut(BadDataFolder, name));

        if (crawl.Result.SkippedFiles.Count > 0)
        {
            var skipped = Assert.Single(crawl.Result.SkippedFiles);
            Assert.Equal(name, skipped.Path);
            Assert.StartsWith(UnreadableParquet, skipped.Reason, StringComparison.Ordinal);
            Assert.Empty(crawl.Result.Tables);
            return;
        }

        var error = await Record.ExceptionAsync(() => crawl.LoadAsync("bad_data"));

        if (error is not null)
        {
            Assert.IsType<DevEndpointException>(error);
            Assert.StartsWith($"{Path.Combine(BadDataFolder, name)}: ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Crawling_the_bad_data_folder_does_not_throw_and_reports_the_unreadable_file()
    {
        using var crawl = await CrawledFolder.CreateAsync(BadDataFolder, "bad");

        var skipped = Assert.Single(crawl.Result.SkippedFiles, s => s.Path == "PARQUET-1481.parquet");
        Assert.StartsWith(UnreadableParquet, skipped.Reason, StringComparison.Ordinal);
        Assert.Equal("bad_data", Assert.Single(crawl.Catalog.GetTables("bad")).Name);
    }
}
