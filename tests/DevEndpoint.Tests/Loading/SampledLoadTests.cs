using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>Quick looks at big tables: a fraction or a number of rows, the same rows on every load.</summary>
public sealed class SampledLoadTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public SampledLoadTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_fraction_keeps_about_that_share_of_rows_and_the_same_rows_each_time()
    {
        await WriteAndCrawlAsync(10_000);

        var first = await LoadIdsAsync(new LoadOptions { SampleFraction = 0.1 });
        var second = await LoadIdsAsync(new LoadOptions { SampleFraction = 0.1 });
        var ranged = await LoadIdsAsync(new LoadOptions { SampleFraction = 0.1 }, rangeBytes: 4096);

        Assert.InRange(first.Count, 850, 1150);
        Assert.Equal(first, second);
        Assert.Equal(first, ranged);
        Assert.Equal(first.Order(), first);
    }

    [Fact]
    public async Task A_row_count_keeps_about_that_many_rows()
    {
        await WriteAndCrawlAsync(10_000);

        var ids = await LoadIdsAsync(new LoadOptions { SampleRows = 500 });

        Assert.InRange(ids.Count, 400, 600);
    }

    [Fact]
    public async Task A_row_count_above_the_table_size_keeps_every_row()
    {
        await WriteAndCrawlAsync(100);

        Assert.Equal(100, (await LoadIdsAsync(new LoadOptions { SampleRows = 1_000 })).Count);
    }

    [Theory]
    [InlineData(0.0, "The sample fraction must be more than 0 and at most 1 (0.01 keeps about one row in a hundred); got 0.")]
    [InlineData(1.5, "The sample fraction must be more than 0 and at most 1 (0.01 keeps about one row in a hundred); got 1.5.")]
    [InlineData(double.NaN, "The sample fraction must be more than 0 and at most 1 (0.01 keeps about one row in a hundred); got NaN.")]
    public async Task A_fraction_outside_0_to_1_is_rejected(double fraction, string message)
    {
        await WriteAndCrawlAsync(10);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => LoadIdsAsync(new LoadOptions { SampleFraction = fraction }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_sample_of_no_rows_or_both_kinds_of_sample_are_rejected()
    {
        await WriteAndCrawlAsync(10);

        var none = await Assert.ThrowsAsync<DevEndpointException>(() => LoadIdsAsync(new LoadOptions { SampleRows = 0 }));
        var both = await Assert.ThrowsAsync<DevEndpointException>(() => LoadIdsAsync(new LoadOptions { SampleRows = 5, SampleFraction = 0.5 }));

        Assert.Equal("The sample size must be at least 1 row; got 0.", none.Message);
        Assert.Equal("Give either a sample fraction or a sample size in rows, not both.", both.Message);
    }

    [Fact]
    public async Task Json_tables_are_sampled_too()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i}}}\n");
        }

        temp.Write("lake/events/a.json", text.ToString());
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var result = await new TableLoader(catalog).LoadAsync("lake.events", new LoadOptions { SampleFraction = 0.25 });

        Assert.InRange(result.Frame.Rows.Count, 400, 600);
    }

    private async Task WriteAndCrawlAsync(int rows)
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},\"name {i}\"\n");
        }

        temp.Write("lake/events/a.csv", text.ToString());
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
    }

    private async Task<List<int>> LoadIdsAsync(LoadOptions options, long rangeBytes = 16 << 20)
    {
        var result = await new TableLoader(catalog) { RangeBytes = rangeBytes, MaxRanges = 64 }.LoadAsync("lake.events", options);
        return result.Frame.Columns["id"].Cast<int>().ToList();
    }
}
