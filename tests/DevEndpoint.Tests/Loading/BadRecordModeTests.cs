using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

/// <summary>Bad rows, Spark and Glue style: kept aside (permissive), dropped and counted, or failing the load at once.</summary>
public sealed class BadRecordModeTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;
    private string file = string.Empty;

    public BadRecordModeTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Permissive_loads_the_good_rows_and_keeps_the_bad_ones_aside_with_file_line_column_value_and_reason()
    {
        await CrawlThenBreakAsync();

        var result = await new TableLoader(catalog).LoadAsync("lake.orders");

        Assert.Equal(new object?[] { 1, 3, 5 }, result.Frame.Columns["id"].Cast<object?>().ToArray());
        Assert.Equal(new object?[] { 10.5m, 30m, 50.25m }, result.Frame.Columns["amount"].Cast<object?>().ToArray());
        Assert.Equal(2, result.BadRows);
        Assert.Equal(["file", "line", "column", "value", "reason"], result.Errors.Columns.Select(c => c.Name));
        Assert.Equal(new object?[] { file, 3L, "amount", "twenty", "cannot read 'twenty' as decimal(10,2)" }, result.Errors.Rows[0].ToArray());
        Assert.Equal(new object?[] { file, 5L, "day", "2024-02-30", "cannot read '2024-02-30' as date" }, result.Errors.Rows[1].ToArray());
    }

    [Fact]
    public async Task Drop_malformed_counts_the_bad_rows_without_keeping_them()
    {
        await CrawlThenBreakAsync();

        var result = await new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { Mode = BadRecordMode.DropMalformed });

        Assert.Equal(3, result.Frame.Rows.Count);
        Assert.Equal(2, result.BadRows);
        Assert.Equal(0, result.Errors.Rows.Count);
    }

    [Fact]
    public async Task Fail_fast_stops_at_the_first_bad_row()
    {
        await CrawlThenBreakAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(
            $"{file}: line 3, column 'amount': cannot read 'twenty' as decimal(10,2). Fix the value, or re-crawl the table if its data changed.",
            error.Message);
    }

    [Theory]
    [InlineData(BadRecordMode.Permissive)]
    [InlineData(BadRecordMode.DropMalformed)]
    public async Task More_bad_rows_than_the_threshold_fail_the_load_naming_the_first(BadRecordMode mode)
    {
        await CrawlThenBreakAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { Mode = mode, ErrorThreshold = 1 }));

        Assert.Equal(
            $"Loading lake.orders found 2 bad rows, more than the error threshold of 1. The first: {file}: line 3, column 'amount': cannot read 'twenty' as decimal(10,2). Fix the data, re-crawl the table if its data changed, or raise the threshold.",
            error.Message);
    }

    [Fact]
    public async Task As_many_bad_rows_as_the_threshold_pass()
    {
        await CrawlThenBreakAsync();

        var result = await new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { ErrorThreshold = 2 });

        Assert.Equal(3, result.Frame.Rows.Count);
    }

    [Fact]
    public async Task A_negative_threshold_is_rejected()
    {
        await CrawlThenBreakAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.orders", new LoadOptions { ErrorThreshold = -1 }));

        Assert.Equal("The error threshold must be zero or more bad rows; got -1.", error.Message);
    }

    [Fact]
    public async Task Utf8_strings_load_the_same_text_into_a_utf8_string_column()
    {
        temp.Write("lake/cities/a.csv", "id,city\n1,Zürich\n2,\"Besançon, FR\"\n3,\n4,🙂\n");
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var utf8 = await new TableLoader(catalog).LoadAsync("lake.cities", new LoadOptions { Strings = StringStorage.Utf8 });
        var dotnet = await new TableLoader(catalog).LoadAsync("lake.cities", new LoadOptions { Strings = StringStorage.Dotnet });

        Assert.IsType<Utf8StringDataFrameColumn>(utf8.Frame.Columns["city"]);
        Assert.IsType<StringDataFrameColumn>(dotnet.Frame.Columns["city"]);
        Assert.Equal(new object?[] { "Zürich", "Besançon, FR", null, "🙂" }, utf8.Frame.Columns["city"].Cast<object?>().ToArray());
        Assert.Equal(utf8.Frame.Columns["city"].Cast<object?>(), dotnet.Frame.Columns["city"].Cast<object?>());
    }

    /// <summary>Crawls a clean file, then writes bad values on lines 3 and 5 (the table's types stay as crawled).</summary>
    private async Task CrawlThenBreakAsync()
    {
        const string Header = "id,amount,day\n";
        file = temp.Write("lake/orders/a.csv", Header + "1,10.50,2024-01-01\n2,20.00,2024-01-02\n3,30.00,2024-01-03\n4,40.00,2024-01-04\n5,50.25,2024-01-05\n");
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        File.WriteAllText(file, Header + "1,10.50,2024-01-01\n2,twenty,2024-01-02\n3,30.00,2024-01-03\n4,40.00,2024-02-30\n5,50.25,2024-01-05\n");
    }
}
