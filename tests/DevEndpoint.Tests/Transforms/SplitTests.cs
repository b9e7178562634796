using DevEndpoint.Transforms;

namespace DevEndpoint.Tests.Transforms;

public sealed class SplitTests
{
    [Fact]
    public void SplitFields_gives_the_named_columns_and_the_others()
    {
        var (selected, others) = Frames.Orders().SplitFields("status", "order_id");

        Assert.Equal(["status", "order_id"], Frames.Names(selected));
        Assert.Equal(["amount", "note"], Frames.Names(others));
        Assert.Equal(3, others.Rows.Count);
    }

    [Fact]
    public void SplitFields_names_a_missing_column()
    {
        var error = Assert.Throws<DevEndpointException>(() => Frames.Orders().SplitFields("notes"));

        Assert.Equal("SplitFields: column 'notes' does not exist. Did you mean 'note'? Columns: order_id, amount, status, note.", error.Message);
    }

    [Fact]
    public void SplitRows_gives_the_matching_rows_and_the_others_and_a_row_that_throws_is_in_neither()
    {
        var (matching, others) = Frames.Orders().SplitRows(r => ((string)r["status"]!).Length > 4);

        Assert.Equal([2], matching.Frame["order_id"].Cast<int?>());
        Assert.Equal([1], others["order_id"].Cast<int?>());
        Assert.Equal(
            new object?[] { 2L, null, null, "the predicate threw NullReferenceException: Object reference not set to an instance of an object." },
            matching.Errors.Rows[0].ToArray());
        var error = Assert.Throws<DevEndpointException>(() => matching.FailIfMoreErrorsThan(0));
        Assert.StartsWith("SplitRows: 1 row(s) failed, more than the error threshold of 0. First: row 2: the predicate threw", error.Message);
    }
}
