using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class UnionTests
{
    [Fact]
    public void Union_appends_rows_matching_columns_by_name()
    {
        var more = new DataFrame(
            new StringDataFrameColumn("note", new[] { "gift" }),
            new StringDataFrameColumn("status", new[] { "open" }),
            new StringDataFrameColumn("amount", new[] { "1" }),
            new Int32DataFrameColumn("order_id", new int?[] { 4 }));

        var union = Frames.Orders().Union(more);

        Assert.Equal(["order_id", "amount", "status", "note"], Frames.Names(union));
        Assert.Equal([1, 2, 3, 4], union["order_id"].Cast<int?>());
        Assert.Equal(new object?[] { 4, "1", "open", "gift" }, union.Rows[3].ToArray());
    }

    [Fact]
    public void Union_refuses_missing_extra_and_differently_typed_columns()
    {
        var orders = Frames.Orders();
        var missing = Assert.Throws<DevEndpointException>(() => orders.Union(orders.DropFields("note")));
        var extra = Assert.Throws<DevEndpointException>(() => orders.DropFields("note").Union(orders));
        var typed = Assert.Throws<DevEndpointException>(() => orders.Union(
            orders.ApplyMapping(("order_id", "int", "order_id", "boolean"), ("amount", "string", "amount", "string"),
                ("status", "string", "status", "string"), ("note", "string", "note", "string")).Frame));

        Assert.Equal("Union: column 'note' does not exist. Columns: order_id, amount, status.", missing.Message);
        Assert.Equal("Union: the second frame has column 'note', which the first does not; drop it or add it to the first.", extra.Message);
        Assert.Equal(
            "Union: column 'order_id' holds int values in the first frame and boolean values in the second, which have no common type; cast one with ApplyMapping first.",
            typed.Message);
    }

    [Fact]
    public void A_column_typed_int_in_one_frame_and_bigint_in_the_other_becomes_bigint()
    {
        var first = new DataFrame(new Int32DataFrameColumn("n", new int?[] { 1, null }));
        var second = new DataFrame(new Int64DataFrameColumn("n", new long?[] { 5_000_000_000 }));

        var union = first.Union(second);

        Assert.IsType<Int64DataFrameColumn>(union["n"]);
        Assert.Equal([1L, null, 5_000_000_000L], union["n"].Cast<long?>());
    }
}
