using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class FillAndDeduplicateTests
{
    private static DataFrame Scores() => new(
        new Int32DataFrameColumn("points", new int?[] { 1, null, 2, 2, 10, null }),
        new DoubleDataFrameColumn("ratio", new double?[] { 0.5, null, 1.0, 1.0, 2.0, null }),
        new StringDataFrameColumn("grade", new[] { "b", null, "a", "a", "b", "b" }));

    [Theory]
    [InlineData(FillMethod.Mean, 4)]
    [InlineData(FillMethod.Median, 2)]
    [InlineData(FillMethod.Mode, 2)]
    public void Nulls_are_filled_with_the_mean_median_or_mode_of_the_column(FillMethod method, int expected)
    {
        var filled = Scores().FillMissingValues("points", method);

        Assert.Equal([1, expected, 2, 2, 10, expected], filled["points"].Cast<int?>());
        Assert.Equal(2, filled["ratio"].NullCount);
    }

    [Fact]
    public void Double_means_are_not_rounded_and_strings_take_their_mode_or_a_constant()
    {
        var scores = Scores();

        Assert.Equal(1.125, scores.FillMissingValues("ratio", FillMethod.Mean)["ratio"][1]);
        Assert.Equal("b", scores.FillMissingValues("grade", FillMethod.Mode)["grade"][1]);
        Assert.Equal("none", scores.FillMissingValues("grade", FillMethod.Constant, "none")["grade"][1]);
        Assert.Equal(-1, scores.FillMissingValues("points", FillMethod.Constant, "-1")["points"][5]);
        Assert.Null(scores["points"][1]);
    }

    [Fact]
    public void Floating_point_means_and_medians_hold_values_beyond_the_decimal_range()
    {
        var huge = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1e300, null, 3e300 }));

        Assert.Equal(2e300, huge.FillMissingValues("x", FillMethod.Mean)["x"][1]);
        Assert.Equal(2e300, huge.FillMissingValues("x", FillMethod.Median)["x"][1]);
    }

    [Fact]
    public void FillMissingValues_errors_name_what_to_do()
    {
        var scores = Scores();
        var mean = Assert.Throws<DevEndpointException>(() => scores.FillMissingValues("grade", FillMethod.Mean));
        var constant = Assert.Throws<DevEndpointException>(() => scores.FillMissingValues("points", FillMethod.Constant, "many"));
        var noValue = Assert.Throws<DevEndpointException>(() => scores.FillMissingValues("points", FillMethod.Constant));
        var missing = Assert.Throws<DevEndpointException>(() => scores.FillMissingValues("point", FillMethod.Mode));

        Assert.Equal("FillMissingValues: column 'grade' holds string values, which have no mean; use Mode or Constant.", mean.Message);
        Assert.Equal("FillMissingValues: 'many' is not a value of column 'points', which holds int values.", constant.Message);
        Assert.Equal("FillMissingValues: give a value with Constant, and only with Constant.", noValue.Message);
        Assert.Equal("FillMissingValues: column 'point' does not exist. Did you mean 'points'? Columns: points, ratio, grade.", missing.Message);
    }

    [Fact]
    public void Deduplicate_keeps_the_first_row_of_each_key_with_nulls_equal()
    {
        var scores = Scores();

        Assert.Equal([1, null, 2, 10, null], scores.Deduplicate()["points"].Cast<int?>());
        Assert.Equal([1, null, 2], scores.Deduplicate("grade")["points"].Cast<int?>());
        Assert.Equal([1, null, 2, 10], scores.Deduplicate("ratio")["points"].Cast<int?>());
        var error = Assert.Throws<DevEndpointException>(() => scores.Deduplicate("grades"));
        Assert.Equal("Deduplicate: column 'grades' does not exist. Did you mean 'grade'? Columns: points, ratio, grade.", error.Message);
    }
}
