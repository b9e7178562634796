using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Frames;

public sealed class ErrorFrameTests
{
    [Fact]
    public void Microsoft_Data_Analysis_Head_fails_on_a_frame_of_fewer_rows_than_asked_for_and_on_any_empty_frame()
    {
        // The cause ErrorFrame works around: Head and Tail copy rows through a map of row numbers, which is not cut to the
        // frame's length and cannot be applied to a column that holds no values. When this test fails, the library is fixed.
        var one = new DataFrame(new Int64DataFrameColumn("row", [1L]), new StringDataFrameColumn("reason", ["bad"]));
        var none = new DataFrame(new Int64DataFrameColumn("row", 0), new StringDataFrameColumn("reason", 0));

        Assert.ThrowsAny<SystemException>(() => one.Head(3));
        Assert.ThrowsAny<SystemException>(() => none.Head(0));
        Assert.ThrowsAny<SystemException>(() => none.Tail(3));
    }

    [Fact]
    public void Head_and_Tail_of_a_transform_without_errors_give_the_error_columns_and_no_rows()
    {
        var result = Transforms.Frames.Orders().ApplyMapping(("order_id", "int", "id", "bigint"));

        var head = result.Errors.Head(3);
        var tail = result.Errors.Tail(3);

        Assert.Equal(0, result.ErrorCount);
        Assert.Equal((0L, 0L), (head.Rows.Count, tail.Rows.Count));
        Assert.Equal(["row", "column", "value", "reason"], head.Columns.Select(c => c.Name));
        Assert.Equal(["row", "column", "value", "reason"], tail.Columns.Select(c => c.Name));
        Assert.Equal(0, result.Errors.Head(0).Rows.Count);
    }

    [Fact]
    public void Head_and_Tail_of_fewer_errors_than_asked_for_give_them_all_and_of_more_the_ones_asked_for()
    {
        var frame = new DataFrame(new StringDataFrameColumn("amount", ["x", "1", "y", "z"]));

        var result = frame.ApplyMapping(("amount", "string", "amount", "int"));

        Assert.Equal([0L, 2L, 3L], result.Errors.Head(10).Columns["row"].Cast<long>());
        Assert.Equal([0L, 2L, 3L], result.Errors.Tail(10).Columns["row"].Cast<long>());
        Assert.Equal([0L, 2L], result.Errors.Head(2).Columns["row"].Cast<long>());
        Assert.Equal([3L], result.Errors.Tail(1).Columns["row"].Cast<long>());
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Errors.Head(-1));
    }

    [Fact]
    public async Task Head_of_a_load_without_bad_rows_gives_the_error_columns_and_no_rows()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("lake", "orders"));
        File.WriteAllText(temp.Combine("lake", "orders", "a.csv"), "id,amount\n1,10.5\n2,20\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var result = await new TableLoader(catalog).LoadAsync("lake.orders");

        Assert.Equal(2, result.Frame.Rows.Count);
        Assert.Equal(0, result.Errors.Head(3).Rows.Count);
        Assert.Equal(["file", "line", "column", "value", "reason"], result.Errors.Tail(3).Columns.Select(c => c.Name));
    }
}
