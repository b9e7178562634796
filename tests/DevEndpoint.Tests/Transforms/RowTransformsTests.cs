using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class RowTransformsTests
{
    [Fact]
    public void Filter_keeps_the_rows_whose_predicate_is_true()
    {
        var result = Frames.Orders().Filter(r => (int)r["order_id"]! >= 2);

        Assert.Equal([2, 3], result.Frame["order_id"].Cast<int?>());
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void A_row_whose_predicate_throws_is_left_out_as_an_error_record()
    {
        var result = Frames.Orders().Filter(r => ((string)r["status"]!).StartsWith('o'));

        Assert.Equal([1], result.Frame["order_id"].Cast<int?>());
        Assert.Equal(
            new object?[] { 2L, null, null, "the predicate threw NullReferenceException: Object reference not set to an instance of an object." },
            result.Errors.Rows[0].ToArray());
    }

    [Fact]
    public void Map_changes_fields_adds_new_ones_typed_by_their_values_and_keeps_the_input_types()
    {
        var result = Frames.Orders().Map(r =>
        {
            r["order_id"] = (int)r["order_id"]! * 10;
            r["big"] = (int)r["order_id"]! > 10;
            return r;
        });

        Assert.Equal(["order_id", "amount", "status", "note", "big"], Frames.Names(result.Frame));
        Assert.IsType<Int32DataFrameColumn>(result.Frame["order_id"]);
        Assert.IsType<BooleanDataFrameColumn>(result.Frame["big"]);
        Assert.Equal([10, 20, 30], result.Frame["order_id"].Cast<int?>());
        Assert.Equal([false, true, true], result.Frame["big"].Cast<bool?>());
    }

    [Fact]
    public void A_row_whose_function_throws_becomes_an_error_record_and_the_rest_go_on()
    {
        var result = Frames.Orders().Map(r =>
        {
            r["amount"] = decimal.Parse((string)r["amount"]!, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            return r;
        });

        Assert.Equal([1, 3], result.Frame["order_id"].Cast<int?>());
        Assert.Equal(["10.50", "7.00"], result.Frame["amount"].Cast<string?>());
        Assert.Equal(1, result.ErrorCount);
        Assert.Equal(
            new object?[] { 1L, null, null, "the function threw FormatException: The input string 'abc' was not in a correct format." },
            result.Errors.Rows[0].ToArray());
    }

    [Fact]
    public void A_field_the_function_returns_is_typed_by_the_values_returned_not_by_the_input_column()
    {
        var result = Frames.Orders().Map(r => new Dictionary<string, object?> { ["order_id"] = r["amount"] });

        Assert.Equal(["order_id"], Frames.Names(result.Frame));
        Assert.IsType<StringDataFrameColumn>(result.Frame["order_id"]);
        Assert.Equal(["10.50", "abc", "7"], result.Frame["order_id"].Cast<string?>());
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void Map_returning_new_records_keeps_only_their_keys_typed_by_their_values()
    {
        var result = Frames.Orders().Map(r => new Dictionary<string, object?>
        {
            ["id"] = r["order_id"],
            ["label"] = $"#{r["order_id"]}",
        });

        Assert.Equal(["id", "label"], Frames.Names(result.Frame));
        Assert.IsType<Int32DataFrameColumn>(result.Frame["id"]);
        Assert.Equal([new object?[] { 1, "#1" }, new object?[] { 2, "#2" }, new object?[] { 3, "#3" }], Frames.Rows(result.Frame));
    }

    [Fact]
    public void Map_widens_numbers_of_several_types_makes_mixed_values_text_and_fills_missing_keys_with_nulls()
    {
        var result = Frames.Orders().Map(r => (int)r["order_id"]! switch
        {
            1 => new Dictionary<string, object?> { ["n"] = 1, ["mixed"] = true },
            2 => new Dictionary<string, object?> { ["n"] = 2.5, ["mixed"] = 7 },
            _ => new Dictionary<string, object?> { ["n"] = 3L, ["extra"] = null },
        });

        Assert.Equal(["n", "mixed", "extra"], Frames.Names(result.Frame));
        Assert.IsType<DoubleDataFrameColumn>(result.Frame["n"]);
        Assert.Equal([1.0, 2.5, 3.0], result.Frame["n"].Cast<double?>());
        Assert.Equal(["true", "7", null], result.Frame["mixed"].Cast<string?>());
        Assert.Equal([null, null, null], result.Frame["extra"].Cast<string?>());
    }

    [Fact]
    public void A_function_that_returns_null_leaves_its_row_out_as_an_error_record()
    {
        var result = Frames.Orders().Map(r => (int)r["order_id"]! == 2 ? null! : r);

        Assert.Equal([1, 3], result.Frame["order_id"].Cast<int?>());
        Assert.Equal(new object?[] { 1L, null, null, "the function returned null instead of a record." }, result.Errors.Rows[0].ToArray());
    }

    [Fact]
    public void Map_over_no_rows_keeps_the_input_columns()
    {
        var empty = Frames.Orders().Filter(_ => false).Frame;

        var result = empty.Map(r => r);

        Assert.Equal(["order_id", "amount", "status", "note"], Frames.Names(result.Frame));
        Assert.Equal(0, result.Frame.Rows.Count);
    }

    [Fact]
    public void Map_keeps_dates_and_offsets_a_function_returns_as_timestamps()
    {
        var result = Frames.Orders().Map(r => new Dictionary<string, object?>
        {
            ["day"] = new DateOnly(2024, 2, (int)r["order_id"]!),
            ["at"] = new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.FromHours(2)),
        });

        Assert.IsType<DateTimeDataFrameColumn>(result.Frame["day"]);
        Assert.Equal(new object?[] { new DateTime(2024, 2, 3), new DateTime(2024, 2, 1, 8, 0, 0) }, result.Frame.Rows[2].ToArray());
    }

    [Fact]
    public void A_decimal_a_function_returns_beyond_what_its_column_holds_is_a_null_and_an_error_record()
    {
        var result = Frames.Orders().Map(r => new Dictionary<string, object?> { ["total"] = (int)r["order_id"]! == 2 ? 1e25m : 1.5m });

        Assert.Equal([1.5m, null, 1.5m], result.Frame["total"].Cast<decimal?>());
        Assert.Equal(
            new object?[] { 1L, "total", "10000000000000000000000000", "out of range for decimal(38,18)." },
            result.Errors.Rows[0].ToArray());
    }
}
