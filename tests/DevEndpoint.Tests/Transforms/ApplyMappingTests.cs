using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class ApplyMappingTests
{
    [Fact]
    public void ApplyMapping_renames_casts_and_selects_at_once()
    {
        var result = Frames.Orders().ApplyMapping(
            ("amount", "string", "total", "decimal(10,2)"),
            ("order_id", "int", "id", "bigint"));

        Assert.Equal(["total", "id"], Frames.Names(result.Frame));
        Assert.IsType<DecimalDataFrameColumn>(result.Frame["total"]);
        Assert.IsType<Int64DataFrameColumn>(result.Frame["id"]);
        Assert.Equal(
            [new object?[] { 10.50m, 1L }, new object?[] { null, 2L }, new object?[] { 7m, 3L }],
            Frames.Rows(result.Frame));
    }

    [Fact]
    public void A_value_that_does_not_cast_becomes_a_null_and_an_error_record()
    {
        var result = Frames.Orders().ApplyMapping(new FieldMapping("amount", "string", "amount", "double"));

        Assert.Equal(1, result.ErrorCount);
        Assert.Equal(new object?[] { 1L, "amount", "abc", "not a value of type double." }, result.Errors.Rows[0].ToArray());
        Assert.Equal([10.5, null, 7.0], result.Frame["amount"].Cast<object?>());
    }

    [Fact]
    public void Casts_go_both_ways_between_dates_numbers_and_text()
    {
        var frame = new DataFrame(
            new DateTimeDataFrameColumn("day", new DateTime?[] { new(2024, 2, 29), null }),
            new DoubleDataFrameColumn("ratio", new double?[] { 2.0, 2.5 }),
            new BooleanDataFrameColumn("ok", new bool?[] { true, false }));

        var result = frame.ApplyMapping(
            ("day", "date", "day", "string"),
            ("ratio", "double", "ratio", "int"),
            ("ok", "boolean", "ok", "string"));

        Assert.Equal([new object?[] { "2024-02-29", 2, "true" }, new object?[] { null, null, "false" }], Frames.Rows(result.Frame));
        Assert.Equal(new object?[] { 1L, "ratio", "2.5", "not a value of type int." }, result.Errors.Rows[0].ToArray());
    }

    [Fact]
    public void A_source_type_that_does_not_match_the_column_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => Frames.Orders().ApplyMapping(("order_id", "string", "id", "int")));

        Assert.Equal("ApplyMapping: column 'order_id' holds Int32 values, not string; fix the mapping's source type.", error.Message);
    }

    [Fact]
    public void An_unknown_type_and_a_missing_column_are_named()
    {
        var type = Assert.Throws<DevEndpointException>(() => Frames.Orders().ApplyMapping(("order_id", "int", "id", "integer")));
        var column = Assert.Throws<DevEndpointException>(() => Frames.Orders().ApplyMapping(("orderid", "int", "id", "int")));
        var twice = Assert.Throws<DevEndpointException>(() => Frames.Orders().ApplyMapping(("order_id", "int", "id", "int"), ("amount", "string", "id", "string")));

        Assert.Equal(
            "ApplyMapping: 'integer' is not a type. Use one of: boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), date, timestamp, string.",
            type.Message);
        Assert.Equal(
            "ApplyMapping: column 'orderid' does not exist. Did you mean 'order_id'? Columns: order_id, amount, status, note.",
            column.Message);
        Assert.Equal("ApplyMapping: two mappings target column 'id'.", twice.Message);
    }

    [Fact]
    public void The_error_threshold_fails_the_step_with_a_summary_and_passes_when_not_exceeded()
    {
        var result = Frames.Orders().ApplyMapping(("amount", "string", "amount", "int"));

        Assert.Same(result, result.FailIfMoreErrorsThan(2));
        var error = Assert.Throws<DevEndpointException>(() => result.FailIfMoreErrorsThan(1));
        Assert.Equal(
            "ApplyMapping: 2 row(s) failed, more than the error threshold of 1. First: row 0, column 'amount', value '10.50': "
            + "not a value of type int. See the result's Errors for every failed row.",
            error.Message);
    }
}
