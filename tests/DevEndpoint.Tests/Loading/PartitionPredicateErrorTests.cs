using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class PartitionPredicateErrorTests
{
    [Fact]
    public void An_incomplete_predicate_points_at_where_a_value_was_expected()
    {
        var error = Assert.Throws<DevEndpointException>(() => PartitionPredicate.Parse("year ="));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Invalid predicate at position 7: expected a value after =, found the end of the predicate.",
                "  year =",
                "        ^"),
            error.Message);
    }

    [Theory]
    [InlineData("", 1, "expected a condition such as year = '2024', found the end of the predicate")]
    [InlineData("year", 5, "expected an operator (=, <>, <, >, <=, >=, IN, BETWEEN, LIKE, IS NULL), found the end of the predicate")]
    [InlineData("year = '2024' AND", 18, "expected a column, a string or a number, found the end of the predicate")]
    [InlineData("year = AND", 8, "expected a value after =, found 'AND'")]
    [InlineData("year = 2024 month = 1", 13, "expected AND, OR or the end of the predicate, found 'month'")]
    [InlineData("year IN '2024'", 9, "expected '(' after IN, found the string '2024'")]
    [InlineData("month IN ('01' '02')", 16, "expected ',' or ')' in the IN list, found the string '02'")]
    [InlineData("(year = '2024'", 15, "expected ')', found the end of the predicate")]
    [InlineData("year LIKE 2024", 11, "expected a quoted pattern after LIKE, such as '2024%', found '2024'")]
    [InlineData("year IS 'x'", 9, "expected NULL, found the string 'x'")]
    [InlineData("year BETWEEN '1' '2'", 18, "expected AND in BETWEEN ... AND ..., found the string '2'")]
    [InlineData("year NOT = '1'", 10, "expected IN, BETWEEN or LIKE after NOT, found '='")]
    [InlineData("year = '2024", 8, "the string that starts here has no closing quote (')")]
    [InlineData("`year = '2024'", 1, "the quoted name that starts here has no closing `")]
    [InlineData("year ! '2024'", 6, "expected an operator, found '!' (use <> or != for 'not equal')")]
    [InlineData("year = 'a'; drop table x", 11, "unexpected character ';'")]
    public void An_invalid_predicate_says_what_was_expected_and_points_at_the_position(string predicate, int position, string problem)
    {
        var error = Assert.Throws<DevEndpointException>(() => PartitionPredicate.Parse(predicate));

        var caret = new string(' ', 2 + position - 1) + "^";
        Assert.Equal(
            $"Invalid predicate at position {position}: {problem}.{Environment.NewLine}  {predicate}{Environment.NewLine}{caret}",
            error.Message);
    }
}
