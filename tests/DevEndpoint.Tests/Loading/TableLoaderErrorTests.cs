using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class TableLoaderErrorTests
{
    [Fact]
    public async Task An_unknown_column_names_the_closest_column_and_lists_them_all()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.orders", new LoadOptions { Columns = ["order_id", "amout"] }));

        Assert.Equal(
            "Column 'amout' does not exist in sales.orders. Did you mean 'amount'? Columns: order_id, customer_id, order_date, amount, status, note, year, month.",
            error.Message);
    }

    [Fact]
    public async Task An_unknown_table_names_the_closest_table()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.order"));

        Assert.Equal($"Table 'sales.order' does not exist in the catalog {lake.Catalog.Path}. Did you mean 'sales.orders'?", error.Message);
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_column_type_names_the_file_line_and_column()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var file = lake.OrdersFile("2024", "01");
        var lines = File.ReadAllLines(file);
        lines[4] = "abc" + lines[4][lines[4].IndexOf(',', StringComparison.Ordinal)..];
        File.WriteAllLines(file, lines);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.orders", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(
            $"{file}: line 5, column 'order_id': cannot read 'abc' as int. Fix the value, or re-crawl the table if its data changed.",
            error.Message);
    }

    [Fact]
    public async Task Line_numbers_in_errors_count_the_lines_inside_quoted_fields()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var file = lake.OrdersFile("2023", "11");
        var lines = File.ReadAllLines(file).ToList();
        Assert.EndsWith(",", lines[2], StringComparison.Ordinal);
        lines[2] += "\"first line\nsecond line\"";
        lines[3] = lines[3].Replace("2023-11-", "2023-13-", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var badDate = lines[3].Split(',')[2];

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.orders", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(
            $"{file}: line 5, column 'order_date': cannot read '{badDate}' as date. Fix the value, or re-crawl the table if its data changed.",
            error.Message);
    }

    [Fact]
    public async Task A_negative_limit_is_rejected()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.orders", new LoadOptions { Limit = -1 }));

        Assert.Equal("The row limit must be zero or more; got -1.", error.Message);
    }

    [Fact]
    public async Task A_predicate_on_an_unknown_column_names_the_closest_column_and_lists_the_columns()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.orders", new LoadOptions { Where = "yeer = '2024'" }));

        Assert.Equal(
            "Column 'yeer' at position 1 of the predicate does not exist in sales.orders. Did you mean 'year'? Columns: order_id, customer_id, order_date, amount, status, note, year, month.",
            error.Message);
    }

    [Fact]
    public async Task An_invalid_predicate_fails_before_any_file_is_read()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.orders", new LoadOptions { Where = "year = 2024 month = 1" }));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Invalid predicate at position 13: expected AND, OR or the end of the predicate, found 'month'.",
                "  year = 2024 month = 1",
                "              ^"),
            error.Message);
    }
}
