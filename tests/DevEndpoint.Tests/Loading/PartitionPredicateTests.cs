using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class PartitionPredicateTests
{
    [Theory]
    [InlineData("year = '2024'", "2024", "01", true)]
    [InlineData("year = '2024'", "2023", "01", false)]
    [InlineData("year <> '2024'", "2023", "01", true)]
    [InlineData("year != '2024'", "2024", "01", false)]
    [InlineData("year < '2024'", "2023", "01", true)]
    [InlineData("year > '2024'", "2024", "01", false)]
    [InlineData("year <= '2024'", "2024", "01", true)]
    [InlineData("year >= '2024'", "2023", "01", false)]
    [InlineData("'2024' = year", "2024", "01", true)]
    [InlineData("year = '2024' AND month = '01'", "2024", "01", true)]
    [InlineData("year = '2024' AND month = '01'", "2024", "02", false)]
    [InlineData("year = '2023' OR month = '01'", "2024", "01", true)]
    [InlineData("year = '2023' OR month = '01'", "2024", "02", false)]
    [InlineData("NOT year = '2024'", "2023", "01", true)]
    [InlineData("NOT (year = '2024' OR year = '2023')", "2024", "01", false)]
    [InlineData("year = '2023' OR year = '2024' AND month = '01'", "2023", "05", true)]
    [InlineData("(year = '2023' OR year = '2024') AND month = '01'", "2023", "05", false)]
    [InlineData("year = '2024' AND (month = '01' OR month = '03')", "2024", "03", true)]
    [InlineData("year = '2024' AND month IN ('01','02')", "2024", "02", true)]
    [InlineData("year = '2024' AND month IN ('01','02')", "2024", "03", false)]
    [InlineData("month NOT IN ('01', '02')", "2024", "03", true)]
    [InlineData("month NOT IN ('01', '02')", "2024", "01", false)]
    [InlineData("month BETWEEN '02' AND '03'", "2024", "03", true)]
    [InlineData("month BETWEEN '02' AND '03'", "2024", "01", false)]
    [InlineData("month NOT BETWEEN 2 AND 3", "2024", "04", true)]
    [InlineData("year LIKE '202%'", "2024", "01", true)]
    [InlineData("year LIKE '2_24'", "2024", "01", true)]
    [InlineData("year LIKE '23%'", "2024", "01", false)]
    [InlineData("year LIKE '2.24'", "2024", "01", false)]
    [InlineData("month NOT LIKE '0%'", "2024", "10", true)]
    [InlineData("month IS NULL", "2024", null, true)]
    [InlineData("month IS NULL", "2024", "01", false)]
    [InlineData("month IS NOT NULL", "2024", "01", true)]
    [InlineData("month IS NOT NULL", "2024", null, false)]
    [InlineData("month = '01'", "2024", null, false)]
    [InlineData("month <> '01'", "2024", null, false)]
    [InlineData("month IN ('01')", "2024", null, false)]
    [InlineData("NOT month = '01'", "2024", null, false)]
    [InlineData("NOT month IN ('01')", "2024", null, false)]
    [InlineData("month = '01' OR year = '2024'", "2024", null, true)]
    [InlineData("NOT (month = '01' AND year = '2023')", "2024", null, true)]
    [InlineData("YEAR = '2024' and Month in ('01')", "2024", "01", true)]
    [InlineData("`year` = '2024'", "2024", "01", true)]
    [InlineData("\"month\" = '01'", "2024", "01", true)]
    public void A_predicate_selects_the_partitions_it_describes(string predicate, string year, string? month, bool expected)
    {
        var values = new Dictionary<string, string?> { ["year"] = year, ["month"] = month };

        Assert.Equal(expected, PartitionPredicate.Parse(predicate).Matches(values));
    }

    [Theory]
    [InlineData("month > 9", "10", true)]
    [InlineData("month > 9", "09", false)]
    [InlineData("month > '9'", "10", true)]
    [InlineData("month >= 10", "10", true)]
    [InlineData("month < 2", "02", false)]
    [InlineData("month = 1", "01", true)]
    [InlineData("month IN (1, 2)", "02", true)]
    [InlineData("month BETWEEN 9 AND 11", "10", true)]
    [InlineData("month = 1.0", "1", true)]
    [InlineData("month > -1", "0", true)]
    [InlineData("month > 'b'", "c", true)]
    [InlineData("month > 'b'", "10", false)]
    public void Values_compare_as_numbers_when_both_are_numbers_else_as_text(string predicate, string month, bool expected)
    {
        var values = new Dictionary<string, string?> { ["month"] = month };

        Assert.Equal(expected, PartitionPredicate.Parse(predicate).Matches(values));
    }

    [Fact]
    public void A_quote_inside_a_string_is_written_twice()
    {
        var predicate = PartitionPredicate.Parse("region = 'O''Brien'");

        Assert.True(predicate.Matches(new Dictionary<string, string?> { ["region"] = "O'Brien" }));
        Assert.False(predicate.Matches(new Dictionary<string, string?> { ["region"] = "O''Brien" }));
    }

    [Fact]
    public void A_key_missing_from_the_values_is_null()
    {
        var predicate = PartitionPredicate.Parse("region IS NULL");

        Assert.True(predicate.Matches(new Dictionary<string, string?> { ["year"] = "2024" }));
    }

    [Fact]
    public void Keys_lists_the_partition_keys_named_with_their_positions()
    {
        var predicate = PartitionPredicate.Parse("year = '2024' AND month IN ('01','02')");

        Assert.Equal(
            new[] { new PartitionPredicate.KeyReference("year", 1), new PartitionPredicate.KeyReference("month", 19) },
            predicate.Keys);
        Assert.Equal("year = '2024' AND month IN ('01','02')", predicate.ToString());
    }
}
