using DevEndpoint.DataQuality;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>DQDL as Glue writes it parses into rules; a ruleset written wrongly fails at its line and column, saying what was expected.</summary>
public sealed class DqdlParserTests
{
    [Fact]
    public void A_ruleset_with_every_form_of_condition_parses_into_its_rules()
    {
        var ruleset = DqdlParser.Parse("""
            Rules = [
                RowCount between 10 and 20,
                Completeness "email" > 0.95 where "status = 'open'",
                ColumnValues "status" in ["open", "closed", NULL] with threshold >= 0.9,
                ColumnValues "code" not matches "[A-Z]{2}",
                ColumnValues "updated" >= now() - 3 days,
                RowCount > avg(last(10)) * 0.9,
                (IsComplete "id") and (IsUnique "id") and (Mean "amount" not between 1 and 2),
                (RowCount < min(last(3))) or (ColumnCount != 4),
                DataFreshness "updated" <= 24 hours,
                IsPrimaryKey "a" "b",
            ]
            """);

        Assert.Equal(10, ruleset.Rules.Count);
        var completeness = Assert.IsType<DqdlSimpleRule>(ruleset.Rules[1]);
        Assert.Equal(("Completeness", "email", DqdlOperator.Greater, "status = 'open'"), (completeness.Type, completeness.Parameters[0], completeness.Condition!.Operator, completeness.Where));
        var values = Assert.IsType<DqdlSimpleRule>(ruleset.Rules[2]);
        Assert.Equal([new DqdlText("open"), new DqdlText("closed"), new DqdlNull()], values.Condition!.Operands);
        Assert.Equal(new DqdlCondition(DqdlOperator.GreaterOrEqual, [new DqdlNumber(0.9)]).Operator, values.Threshold!.Operator);
        var dynamic = Assert.IsType<DqdlSimpleRule>(ruleset.Rules[5]);
        Assert.Equal(new DqdlArithmetic('*', new DqdlHistory("avg", 10, 0), new DqdlNumber(0.9)), dynamic.Condition!.Operands[0]);
        Assert.Equal(new DqdlArithmetic('-', new DqdlNow(), new DqdlDuration(TimeSpan.FromDays(3))), ((DqdlSimpleRule)ruleset.Rules[4]).Condition!.Operands[0]);
        var and = Assert.IsType<DqdlCompositeRule>(ruleset.Rules[6]);
        Assert.Equal((true, 3, "(IsComplete \"id\") and (IsUnique \"id\") and (Mean \"amount\" not between 1 and 2)"), (and.And, and.Rules.Count, and.Text));
        Assert.False(Assert.IsType<DqdlCompositeRule>(ruleset.Rules[7]).And);
        Assert.Equal(new DqdlDuration(TimeSpan.FromHours(24)), ((DqdlSimpleRule)ruleset.Rules[8]).Condition!.Operands[0]);
        Assert.Equal(["a", "b"], ((DqdlSimpleRule)ruleset.Rules[9]).Parameters);
    }

    [Theory]
    [InlineData("Rule = [ RowCount > 0 ]", "Ruleset line 1, column 1: expected 'Rules = [' to start the ruleset, found 'Rule'.")]
    [InlineData("Rules = [\n  RowCount > 0\n  IsComplete \"id\"\n]", "Ruleset line 3, column 3: expected ',' between rules or ']' to close the list, found 'IsComplete'.")]
    [InlineData("Rules = [\n  IsCompleted \"id\"\n]", "Ruleset line 2, column 3: 'IsCompleted' is not a rule type; the closest are IsComplete.")]
    [InlineData("Rules = [ Completeness \"email\" ]", "Ruleset line 1, column 32: expected a condition such as > 0.9, between 1 and 5, in [\"a\", \"b\"] or matches \"[a-z]+\" after Completeness \"email\", found ']'.")]
    [InlineData("Rules = [ IsComplete ]", "Ruleset line 1, column 22: expected a quoted parameter after IsComplete, as in IsComplete \"id\", found ']'.")]
    [InlineData("Rules = [ IsComplete \"id\" > 3 ]", "Ruleset line 1, column 27: IsComplete takes no condition; expected ',' or ']' after it, as in IsComplete \"id\".")]
    [InlineData("Rules = [ RowCount between 1 or 5 ]", "Ruleset line 1, column 30: expected 'and' between the two bounds of between, as in between 1 and 5, found 'or'.")]
    [InlineData("Rules = [\n ColumnValues \"s\" in [\"a\", ]\n]", "Ruleset line 2, column 28: expected a quoted string, a number or NULL in the list, found ']'.")]
    [InlineData("Rules = [ ColumnValues \"s\" = \"open ]", "Ruleset line 1, column 30: the string that starts here has no closing quote (\") on its line.")]
    [InlineData("Rules = [ RowCount > avg(10) ]", "Ruleset line 1, column 26: expected last(n), the rule's last n values, as in avg(last(10)), found '10'.")]
    [InlineData("Rules = [ RowCount > last(3) ]", "Ruleset line 1, column 22: last(n) gives several values; expected a function of them, such as avg(last(n)), min, max, sum, std or index(last(n), i).")]
    [InlineData("Rules = [ (RowCount > 0) and (ColumnCount = 2) or (IsComplete \"a\") ]", "Ruleset line 1, column 48: 'and' and 'or' are mixed without parentheses; expected the same operator, or parentheses around one part, as in (a) and ((b) or (c)).")]
    [InlineData("Rules = [ (RowCount > 0) and IsComplete \"a\" ]", "Ruleset line 1, column 30: expected '(' around the rule after 'and', found 'IsComplete'.")]
    [InlineData("Rules = [ ColumnValues \"a\" > 1 with limit > 0.5 ]", "Ruleset line 1, column 37: expected 'threshold' after 'with', as in with threshold > 0.9, found 'limit'.")]
    [InlineData("Rules = [ RowCount > 0 where id > 2 ]", "Ruleset line 1, column 30: expected a quoted SQL predicate after 'where', as in where \"amount > 0\", found 'id'.")]
    [InlineData("Rules = [ RowCount > 0 ] extra", "Ruleset line 1, column 26: expected the end of the ruleset after its ']', found 'extra'.")]
    [InlineData("Rules = [ RowCount > 0 ; ]", "Ruleset line 1, column 24: ';' is not part of DQDL; expected a rule, a quoted string, a number or an operator.")]
    [InlineData("Rules = [ ]", "Ruleset line 1, column 11: expected a rule, such as RowCount > 0, found ']'.")]
    [InlineData("Rules = [ ColumnCorrelation \"a\" > 0.5 ]", "Ruleset line 1, column 33: expected 2 quoted parameters after ColumnCorrelation, as in ColumnCorrelation \"height\" \"weight\" > 0.8, found '>'.")]
    [InlineData("Rules = [ RowCount > avg(last(0)) ]", "Ruleset line 1, column 31: last(n) reads at least one value; expected a whole number of at least 1.")]
    [InlineData("Rules = [ RowCount > 1.2.3 ]", "Ruleset line 1, column 22: '1.2.3' is not a number.")]
    [InlineData("Rules = [ Qwxyzzy \"a\" ]", "Ruleset line 1, column 11: 'Qwxyzzy' is not a rule type; the rule types are RowCount, RowCountMatch, ColumnCount, ColumnExists, ColumnDataType, ColumnNamesMatchPattern, Completeness, IsComplete, Uniqueness, IsUnique, IsPrimaryKey, UniqueValueRatio, DistinctValuesCount, Entropy, ColumnValues, ColumnLength, Mean, Sum, StandardDeviation, ColumnCorrelation, CustomSql, ReferentialIntegrity, DataFreshness, SchemaMatch.")]
    public void A_syntax_error_names_its_line_and_column_and_what_was_expected(string text, string message)
    {
        var error = Assert.Throws<DevEndpointException>(() => DqdlParser.Parse(text));

        Assert.Equal(message, error.Message);
    }
}
