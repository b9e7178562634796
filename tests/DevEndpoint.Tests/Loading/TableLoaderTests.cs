using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

public sealed class TableLoaderTests
{
    [Fact]
    public async Task Loading_a_partitioned_table_reads_every_partition_and_adds_the_partition_keys_last()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var result = await lake.LoadAsync("sales.orders");

        Assert.Equal(200, result.Frame.Rows.Count);
        Assert.Equal(
            new[] { "order_id", "customer_id", "order_date", "amount", "status", "note", "year", "month" },
            result.Frame.Columns.Select(c => c.Name));
        Assert.Equal((5, 5, 5), (result.PartitionsRead, result.PartitionsTotal, result.FilesRead));
        Assert.Equal(1000, result.Frame.Columns["order_id"][0]);
        Assert.Equal(1199, result.Frame.Columns["order_id"][199]);
    }

    [Fact]
    public async Task A_predicate_reads_only_the_partitions_it_selects()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var result = await lake.LoadAsync("sales.orders", new LoadOptions { Where = "year = '2024' AND month IN ('01','02')" });

        Assert.Equal(80, result.Frame.Rows.Count);
        Assert.Equal((2, 5, 2), (result.PartitionsRead, result.PartitionsTotal, result.FilesRead));
        Assert.Equal(new[] { "2024/01", "2024/02" }, Strings(result.Frame, "year").Zip(Strings(result.Frame, "month"), (y, m) => $"{y}/{m}").Distinct());
    }

    [Fact]
    public async Task Requested_columns_come_back_in_the_requested_order()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var result = await lake.LoadAsync("sales.orders", new LoadOptions { Columns = ["month", "AMOUNT", " order_id ", "month"] });

        Assert.Equal(new[] { "month", "amount", "order_id" }, result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(200, result.Frame.Rows.Count);
    }

    [Fact]
    public async Task Partition_keys_load_as_string_columns()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var result = await lake.LoadAsync("sales.orders", new LoadOptions { Columns = ["year", "month"] });

        Assert.IsType<StringDataFrameColumn>(result.Frame.Columns["year"]);
        Assert.IsType<StringDataFrameColumn>(result.Frame.Columns["month"]);
        Assert.Equal(new[] { "2023", "2024" }, Strings(result.Frame, "year").Distinct());
        Assert.Equal(new[] { "11", "12", "01", "02", "03" }, Strings(result.Frame, "month").Distinct());
    }

    [Fact]
    public async Task Empty_cells_load_as_null_and_a_quoted_comma_stays_in_its_field()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var result = await lake.LoadAsync("sales.orders", new LoadOptions { Columns = ["note", "status"] });

        var notes = result.Frame.Columns["note"];
        Assert.Equal(140, notes.NullCount);
        Assert.Equal(30, Strings(result.Frame, "note").Count(n => n == "gift wrap, please"));
        Assert.Equal(30, Strings(result.Frame, "note").Count(n => n == "leave at door"));
        Assert.Equal(0, result.Frame.Columns["status"].NullCount);
    }

    [Fact]
    public async Task Columns_load_with_the_dotnet_types_of_their_catalog_types()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var frame = (await lake.LoadAsync("sales.orders", new LoadOptions { Limit = 1 })).Frame;

        Assert.IsType<Int32DataFrameColumn>(frame.Columns["order_id"]);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["order_date"]);
        Assert.IsType<DecimalDataFrameColumn>(frame.Columns["amount"]);
        Assert.IsType<StringDataFrameColumn>(frame.Columns["status"]);
        var first = File.ReadLines(lake.OrdersFile("2023", "11")).Skip(1).First().Split(',');
        Assert.Equal(decimal.Parse(first[3], System.Globalization.CultureInfo.InvariantCulture), frame.Columns["amount"][0]);
        Assert.Equal(DateTime.ParseExact(first[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), frame.Columns["order_date"][0]);
    }

    [Fact]
    public async Task Parquet_columns_load_with_dates_as_DateTime_and_exact_decimals()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var frame = (await lake.LoadAsync("sales.products")).Frame;

        Assert.Equal(8, frame.Rows.Count);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["launched"]);
        Assert.Equal(new DateTime(2020, 1, 1), frame.Columns["launched"][0]);
        Assert.Equal(new DateTime(2023, 4, 1), frame.Columns["launched"][3]);
        Assert.Equal(4.99m, frame.Columns["price"][0]);
        Assert.Equal(57.49m, frame.Columns["price"][7]);
        Assert.Equal(new object[] { 1, "kettle", false }, new[] { frame.Columns["product_id"][0], frame.Columns["name"][0], frame.Columns["in_stock"][0] });
    }

    [Fact]
    public async Task Gzipped_json_lines_load_with_nested_objects_flattened_and_arrays_as_json_text()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var frame = (await lake.LoadAsync("sales.customers")).Frame;

        Assert.Equal(30, frame.Rows.Count);
        Assert.Equal(1, frame.Columns["customer_id"][0]);
        Assert.Equal("Customer 1", frame.Columns["name"][0]);
        Assert.Equal("Oslo", frame.Columns["address.city"][0]);
        Assert.Equal("10001", frame.Columns["address.zip"][0]);
        Assert.Equal("[\"tag0\",\"tag1\"]", frame.Columns["tags"][1]);
        Assert.Equal("[]", frame.Columns["tags"][2]);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(10, 10, 1)]
    [InlineData(40, 40, 1)]
    [InlineData(45, 45, 2)]
    [InlineData(1000, 200, 5)]
    public async Task A_limit_stops_reading_when_it_is_reached(long limit, long rows, int files)
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var result = await lake.LoadAsync("sales.orders", new LoadOptions { Limit = limit });

        Assert.Equal(rows, result.Frame.Rows.Count);
        Assert.Equal(files, result.FilesRead);
        Assert.All(result.Frame.Columns, c => Assert.Equal(rows, c.Length));
    }

    private static List<string?> Strings(DataFrame frame, string column) =>
        frame.Columns[column].Cast<string?>().ToList();
}
