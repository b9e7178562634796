using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Formats.Parquet;

public sealed class MalformedFooterTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public async Task A_footer_that_sends_the_parser_into_a_loop_is_skipped_and_the_crawl_goes_on()
    {
        // A fuzzed file from arrow-testing whose footer Parquet.Net never finishes parsing.
        var fuzzed = Corpora.Path("arrow-testing", "data", "parquet", "fuzzing", "clusterfuzz-testcase-dictbitwidth-4680774947569664");
        Directory.CreateDirectory(temp.Combine("lake", "fuzz"));
        File.Copy(fuzzed, temp.Combine("lake", "fuzz", "fuzzed.parquet"));
        temp.Write("lake/good/a.csv", "id,name\n1,a\n2,b\n");

        var result = await new Crawler(DataCatalog.Open(temp.Combine("catalog.db")))
            .CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "fuzz" });

        Assert.Equal(["good"], result.Tables.Select(t => t.Name));
        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal("fuzz/fuzzed.parquet", skipped.Path);
        Assert.Equal(
            "its footer could not be parsed within 10 s, so it is taken for malformed. Replace or exclude it; the other files are still catalogued.",
            skipped.Reason);
    }

    [Fact]
    public async Task A_footer_length_beyond_the_file_is_reported_with_both_sizes()
    {
        var bytes = "PAR1"u8.ToArray().Concat(new byte[8]).Concat(BitConverter.GetBytes(5000)).Concat("PAR1"u8.ToArray()).ToArray();
        Directory.CreateDirectory(temp.Combine("lake", "broken"));
        await File.WriteAllBytesAsync(temp.Combine("lake", "broken", "b.parquet"), bytes);

        var result = await new Crawler(DataCatalog.Open(temp.Combine("catalog.db")))
            .CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "broken" });

        Assert.Equal(
            "not a readable Parquet file (its footer length (5000 bytes) does not fit in the file (20 bytes)). Replace or exclude it; the other files are still catalogued.",
            Assert.Single(result.SkippedFiles).Reason);
    }

    public void Dispose() => temp.Dispose();
}
