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
}
