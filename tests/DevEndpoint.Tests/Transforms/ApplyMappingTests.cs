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
    public void Casts_go_both_ways_between_dates_numbers_and_text_and_fractions_truncate_toward_zero_as_in_Spark()
    {
        var frame = new DataFrame(
            new DateTimeDataFrameColumn("day", new DateTime?[] { new(2024, 2, 29), null }),
            new DoubleDataFrameColumn("ratio", new double?[] { 2.0, -2.7 }),
            new BooleanDataFrameColumn("ok", new bool?[] { true, false }));

        var result = frame.ApplyMapping(
            ("day", "date", "day", "string"),
            ("ratio", "double", "ratio", "int"),
            ("ok", "boolean", "ok", "string"));

        Assert.Equal([new object?[] { "2024-02-29", 2, "true" }, new object?[] { null, -2, "false" }], Frames.Rows(result.Frame));
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void A_source_type_that_does_not_match_the_column_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => Frames.Orders().ApplyMapping(("order_id", "string", "id", "int")));

        Assert.Equal(
            "ApplyMapping: column 'order_id' holds int values, not string; give int (or a type it widens to) as the mapping's source type.",
            error.Message);
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
        Assert.Equal(
            "ApplyMapping: no mappings given; list at least one (source, source type, target, target type).",
            Assert.Throws<DevEndpointException>(() => Frames.Orders().ApplyMapping()).Message);
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

    [Fact]
    public void A_bigint_column_maps_to_double_whether_the_source_type_says_bigint_or_double()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("minorunit", new long?[] { 2, null, 9_007_199_254_740_993 }));

        var asBigint = frame.ApplyMapping(("minorunit", "bigint", "minorunit", "double"));
        var asDouble = frame.ApplyMapping(("minorunit", "double", "units", "double"));

        Assert.IsType<DoubleDataFrameColumn>(asBigint.Frame["minorunit"]);
        Assert.Equal([2.0, null, 9_007_199_254_740_992.0], asBigint.Frame["minorunit"].Cast<double?>());
        Assert.Equal([2.0, null, 9_007_199_254_740_992.0], asDouble.Frame["units"].Cast<double?>());
        Assert.Equal(0, asBigint.ErrorCount + asDouble.ErrorCount);
    }

    [Fact]
    public void Numbers_widen_up_the_Spark_order_without_errors()
    {
        var frame = new DataFrame(
            new SByteDataFrameColumn("tiny", new sbyte?[] { -128, 127 }),
            new Int16DataFrameColumn("small", new short?[] { -300, 300 }),
            new Int32DataFrameColumn("whole", new int?[] { int.MinValue, int.MaxValue }),
            new SingleDataFrameColumn("ratio", new float?[] { 0.5f, -1.25f }));

        var result = frame.ApplyMapping(
            ("tiny", "tinyint", "tiny", "smallint"),
            ("small", "smallint", "small", "int"),
            ("whole", "int", "whole", "decimal(10,0)"),
            ("ratio", "float", "ratio", "double"));

        Assert.Equal(
            [new object?[] { (short)-128, -300, (decimal)int.MinValue, 0.5 }, new object?[] { (short)127, 300, (decimal)int.MaxValue, -1.25 }],
            Frames.Rows(result.Frame));
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void A_narrowing_cast_out_of_range_becomes_a_null_and_an_error_record_where_Spark_fails()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("big", new long?[] { 3_000_000_000, -5 }),
            new DoubleDataFrameColumn("ratio", new double?[] { double.NaN, 1e40 }),
            new DoubleDataFrameColumn("score", new double?[] { 300.9, -128.9 }));

        var result = frame.ApplyMapping(
            ("big", "bigint", "big", "int"),
            ("ratio", "double", "ratio", "float"),
            ("score", "double", "score", "tinyint"));

        Assert.Equal([new object?[] { null, float.NaN, null }, new object?[] { -5, null, (sbyte)-128 }], Frames.Rows(result.Frame));
        Assert.Equal(
            [
                new object?[] { 0L, "big", "3000000000", "out of range for int." },
                new object?[] { 1L, "ratio", "1E+40", "out of range for float." },
                new object?[] { 0L, "score", "300.9", "out of range for tinyint." },
            ],
            Frames.Rows(result.Errors));
    }

    [Fact]
    public void A_decimal_target_rounds_half_up_to_its_scale_and_refuses_more_integer_digits_than_it_has()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("price", new double?[] { 2.345, -2.345, 123.4 }),
            new StringDataFrameColumn("text", new[] { "0.125", "99.999", "abc" }));

        var result = frame.ApplyMapping(("price", "double", "price", "decimal(4,2)"), ("text", "string", "text", "decimal(4,2)"));

        Assert.Equal([2.35m, -2.35m, null], result.Frame["price"].Cast<decimal?>());
        Assert.Equal([0.13m, null, null], result.Frame["text"].Cast<decimal?>());
        Assert.Equal(
            [
                new object?[] { 2L, "price", "123.4", "out of range for decimal(4,2)." },
                new object?[] { 1L, "text", "99.999", "out of range for decimal(4,2)." },
                new object?[] { 2L, "text", "abc", "not a value of type decimal(4,2)." },
            ],
            Frames.Rows(result.Errors));
    }

    [Fact]
    public void Text_that_is_not_a_whole_number_does_not_cast_to_an_integer_type()
    {
        var frame = new DataFrame(new StringDataFrameColumn("qty", new[] { "2.5", " 7 " }));

        var result = frame.ApplyMapping(("qty", "string", "qty", "int"));

        Assert.Equal([null, 7], result.Frame["qty"].Cast<int?>());
        Assert.Equal(new object?[] { 0L, "qty", "2.5", "not a value of type int." }, result.Errors.Rows[0].ToArray());
    }

    [Fact]
    public void Booleans_cast_to_one_and_zero_numbers_to_true_unless_zero_and_timestamps_to_text_with_their_time()
    {
        var frame = new DataFrame(
            new BooleanDataFrameColumn("ok", new bool?[] { true, false }),
            new Int32DataFrameColumn("count", new int?[] { 0, -3 }),
            new DateTimeDataFrameColumn("at", new DateTime?[] { new(2024, 2, 29), new(2024, 3, 1, 8, 30, 0) }));

        var result = frame.ApplyMapping(
            ("ok", "boolean", "ok", "int"), ("count", "int", "count", "boolean"), ("at", "timestamp", "at", "string"), ("at", "timestamp", "day", "date"));

        Assert.Equal(
            [
                new object?[] { 1, false, "2024-02-29 00:00:00", new DateTime(2024, 2, 29) },
                new object?[] { 0, true, "2024-03-01 08:30:00", new DateTime(2024, 3, 1) },
            ],
            Frames.Rows(result.Frame));
    }

    [Fact]
    public void A_cast_no_engine_makes_is_refused_before_any_row_is_read()
    {
        var frame = new DataFrame(new DateTimeDataFrameColumn("day", new DateTime?[] { new(2024, 2, 29) }));

        var error = Assert.Throws<DevEndpointException>(() => frame.ApplyMapping(("day", "date", "day", "int")));

        Assert.Equal(
            "ApplyMapping: column 'day' holds date values, which do not cast to int. "
            + "Casts go between numbers and boolean, between date and timestamp, and from and to string.",
            error.Message);
    }

    [Fact]
    public void A_source_type_narrower_than_the_column_is_refused_with_the_column_type_in_Hive_names()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("minorunit", new long?[] { 2 }));

        var error = Assert.Throws<DevEndpointException>(() => frame.ApplyMapping(("minorunit", "int", "minorunit", "double")));

        Assert.Equal(
            "ApplyMapping: column 'minorunit' holds bigint values, not int; give bigint (or a type it widens to) as the mapping's source type.",
            error.Message);
    }
}
