using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Tests.Loading.Parity;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

public sealed class PartitionedWriteTests
{
    [Fact]
    public async Task Partition_columns_make_hive_folders_and_are_not_repeated_in_the_files()
    {
        using var temp = new TempFolder();

        var result = await new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions
        {
            Path = temp.Combine("orders"),
            Format = WriteFormat.Csv,
            PartitionBy = ["year", "month"],
        });

        Assert.Equal(["year=2024/month=01", "year=2024/month=02", "year=2025/month=01"], result.Partitions);
        Assert.All(result.Files, f => Assert.Matches(@"^year=\d{4}/month=\d\d/part-\d{5}-[0-9a-f]{32}\.csv$", f));
        var first = File.ReadAllText(Path.Combine(result.Path, result.Files[0]));
        Assert.Equal("order_id,amount,status\n1,10.5,new\n2,20,paid\n", first);
        Assert.Equal(6, result.Rows);
    }

    [Fact]
    public async Task Partition_values_that_a_path_cannot_hold_are_escaped_as_hive_does()
    {
        using var temp = new TempFolder();
        var frame = new DataFrame(
            new StringDataFrameColumn("site", ["a/b", "x=y", null]),
            new Int32DataFrameColumn("hits", [1, 2, 3]));

        var result = await new FrameWriter().WriteAsync(frame, new WriteOptions { Path = temp.Combine("hits"), PartitionBy = ["site"] });

        Assert.Equal(["site=__HIVE_DEFAULT_PARTITION__", "site=a%2Fb", "site=x%3Dy"], result.Partitions);
    }

    [Fact]
    public async Task A_null_partition_value_loads_back_as_null()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var frame = new DataFrame(new Int32DataFrameColumn("year", [2024, null]), new Int32DataFrameColumn("v", [1, 2]));

        await new FrameWriter(catalog).WriteAsync(frame, new WriteOptions { Path = temp.Combine("t"), PartitionBy = ["year"], CatalogTable = "lake.t" });
        var loaded = await new TableLoader(catalog).LoadAsync("lake.t");

        Assert.Equal([[1, 2024], [2, null]], WrittenFrames.Rows(loaded.Frame, "v", "year"));
    }

    [Fact]
    public async Task A_partitioned_write_adds_catalog_partitions_that_a_load_and_a_predicate_read()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        var result = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), new WriteOptions
        {
            Path = temp.Combine("orders"),
            PartitionBy = ["year", "month"],
            CatalogTable = "shop.orders",
        });
        var loaded = await new TableLoader(catalog).LoadAsync("shop.orders", new LoadOptions { Where = "year = 2024 AND month = '02'" });

        Assert.Equal(3, result.PartitionsAdded);
        var table = catalog.GetTable(new TableName("shop", "orders"));
        Assert.Equal([("year", "int"), ("month", "string")], table.PartitionKeys.Select(k => (k.Name, k.Type)));
        Assert.Equal(
            [temp.Combine("orders") + "/year=2024/month=01/", temp.Combine("orders") + "/year=2024/month=02/", temp.Combine("orders") + "/year=2025/month=01/"],
            catalog.GetPartitions(new TableName("shop", "orders")).Select(p => p.StorageDescriptor.Location).Order(StringComparer.Ordinal));
        Assert.Equal(
            [[3, 30.25m, "new", 2024, "02"], [6, 60.75m, "new", 2024, "02"]],
            WrittenFrames.Rows(loaded.Frame, "order_id", "amount", "status", "year", "month"));
    }

    [Fact]
    public async Task DuckDB_reads_the_partitioned_parquet_output_with_the_same_values()
    {
        using var temp = new TempFolder();
        var awkward = await new FrameWriter().WriteAsync(WrittenFrames.Awkward(), new WriteOptions { Path = temp.Combine("awkward") });
        var orders = await new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = temp.Combine("orders"), PartitionBy = ["year", "month"] });

        var (_, rows) = DuckDb.Query(
            $"""SELECT id, big, price, ratio, flag, day, "at", text FROM read_parquet({DuckDb.Literal(Path.Combine(awkward.Path, "*.parquet"))}) ORDER BY id""");
        var (_, partitioned) = DuckDb.Query(
            $"SELECT order_id, amount, status, year, month FROM read_parquet({DuckDb.Literal(orders.Path + "/*/*/*.parquet")}, hive_partitioning = true) ORDER BY order_id");

        Assert.Equal(
            [
                [1, 5_000_000_000L, 12.500m, 0.1, true, new DateOnly(2024, 1, 31), new DateTime(2024, 1, 31, 23, 59, 58, 123), "plain"],
                [2, null, null, 1e-300, false, null, new DateTime(2024, 2, 1, 0, 0, 1), "a, \"quoted\" one"],
                [3, -1L, -0.001m, null, null, new DateOnly(1999, 12, 31), null, "two\nlines, and ünïcödé ✓ 日本"],
                [4, 0L, 123456789.990m, -2.5, true, new DateOnly(2024, 2, 29), new DateTime(2000, 1, 1, 12, 0, 0), null],
            ],
            rows.Select(r => r.Select(Plain).ToArray()));
        Assert.Equal([1, 10.5m, "new", 2024L, "01"], partitioned[0].Select(Plain));
        Assert.Equal(6, partitioned.Count);
    }

    /// <summary>DuckDB.NET's date type as a <see cref="DateOnly"/>, to compare; other values as they are.</summary>
    private static object? Plain(object? value) => value switch
    {
        DuckDB.NET.Native.DuckDBDateOnly d => (DateOnly)d,
        _ => value,
    };
}
