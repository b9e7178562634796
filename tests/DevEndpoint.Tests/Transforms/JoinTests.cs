using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class JoinTests
{
    private static DataFrame Orders() => new(
        new Int32DataFrameColumn("customer_id", new int?[] { 1, 2, 2, null }),
        new StringDataFrameColumn("order", new[] { "a", "b", "c", "d" }));

    private static DataFrame Customers() => new(
        new Int32DataFrameColumn("customer_id", new int?[] { 2, 3 }),
        new StringDataFrameColumn("name", new[] { "Bo", "Cy" }));

    [Fact]
    public void Inner_join_keeps_matching_rows_with_the_shared_key_once()
    {
        var joined = Orders().Join(Customers(), "customer_id", JoinType.Inner);

        Assert.Equal(["customer_id", "order", "name"], Frames.Names(joined));
        Assert.Equal([new object?[] { 2, "b", "Bo" }, new object?[] { 2, "c", "Bo" }], Frames.Rows(joined));
    }

    [Fact]
    public void Left_right_and_outer_joins_fill_the_missing_side_with_nulls_and_null_keys_match_nothing()
    {
        var left = Orders().Join(Customers(), "customer_id", JoinType.Left);
        var right = Orders().Join(Customers(), "customer_id", JoinType.Right);
        var outer = Orders().Join(Customers(), "customer_id", JoinType.Outer);

        Assert.Equal(
            [new object?[] { 1, "a", null }, new object?[] { 2, "b", "Bo" }, new object?[] { 2, "c", "Bo" }, new object?[] { null, "d", null }],
            Frames.Rows(left));
        Assert.Equal(
            [new object?[] { 2, "b", "Bo" }, new object?[] { 2, "c", "Bo" }, new object?[] { 3, null, "Cy" }],
            Frames.Rows(right));
        Assert.Equal(Frames.Rows(left).Append(new object?[] { 3, null, "Cy" }), Frames.Rows(outer));
    }

    [Fact]
    public void Keys_with_different_names_are_both_kept_and_several_keys_must_all_match()
    {
        var people = new DataFrame(
            new Int32DataFrameColumn("id", new int?[] { 2, 2 }),
            new StringDataFrameColumn("order_ref", new[] { "b", "x" }));

        var joined = Orders().Join(people, ["customer_id", "order"], ["id", "order_ref"], JoinType.Inner);

        Assert.Equal([new object?[] { 2, "b", 2, "b" }], Frames.Rows(joined));
    }

    [Fact]
    public void Join_errors_name_the_column_the_key_types_and_clashing_names()
    {
        var missing = Assert.Throws<DevEndpointException>(() => Orders().Join(Customers(), ["customer"], ["customer_id"], JoinType.Inner));
        var types = Assert.Throws<DevEndpointException>(() => Orders().Join(
            new DataFrame(new StringDataFrameColumn("customer_id", ["2"])), "customer_id", JoinType.Inner));
        var clash = Assert.Throws<DevEndpointException>(() => Orders().Join(Orders(), "customer_id", JoinType.Inner));
        var counts = Assert.Throws<DevEndpointException>(() => Orders().Join(Customers(), ["customer_id"], [], JoinType.Inner));

        Assert.Equal("Join: column 'customer' does not exist. Did you mean 'customer_id'? Columns: customer_id, order.", missing.Message);
        Assert.Equal(
            "Join: key 'customer_id' holds int values on the left and 'customer_id' string values on the right, which do not compare; cast one with ApplyMapping first.",
            types.Message);
        Assert.Equal("Join: both frames have column 'order'; rename one with RenameField first.", clash.Message);
        Assert.Equal("Join: give as many right keys as left keys, at least one (1 left, 0 right).", counts.Message);
    }

    [Fact]
    public void A_key_value_that_does_not_fit_the_widened_type_fails_the_join_instead_of_becoming_null()
    {
        var amounts = new DataFrame(
            new DecimalDataFrameColumn("customer_id", new decimal?[] { 2m, 10000000000000000000000000m }),
            new StringDataFrameColumn("name", new[] { "Bo", "Cy" }));

        var failed = Assert.Throws<DevEndpointException>(() => Orders().Join(amounts, "customer_id", JoinType.Inner));

        Assert.Equal(
            "Join: 1 value(s) of column 'customer_id' do not fit decimal(38,18), the type both sides widen to (the first, '10000000000000000000000000': out of range for decimal(38,18).); cast the columns with ApplyMapping first.",
            failed.Message);
    }

    [Fact]
    public void Int_and_bigint_keys_match_by_value_and_the_shared_key_takes_the_wider_type()
    {
        var customers = new DataFrame(
            new Int64DataFrameColumn("customer_id", new long?[] { 2, 3 }),
            new StringDataFrameColumn("name", new[] { "Bo", "Cy" }));

        var inner = Orders().Join(customers, "customer_id", JoinType.Inner);
        var outer = Orders().Join(customers, "customer_id", JoinType.Outer);

        Assert.IsType<Int64DataFrameColumn>(inner["customer_id"]);
        Assert.Equal([new object?[] { 2L, "b", "Bo" }, new object?[] { 2L, "c", "Bo" }], Frames.Rows(inner));
        Assert.Equal(new object?[] { 3L, null, "Cy" }, outer.Rows[4].ToArray());
    }

    [Fact]
    public void Keys_of_different_names_and_numeric_types_keep_their_own_columns()
    {
        var rates = new DataFrame(
            new DoubleDataFrameColumn("id", new double?[] { 1.0, 2.5 }),
            new StringDataFrameColumn("rate", new[] { "one", "two and a half" }));

        var joined = Orders().Join(rates, "customer_id", "id", JoinType.Inner);

        Assert.Equal([new object?[] { 1, "a", 1.0, "one" }], Frames.Rows(joined));
    }
}
