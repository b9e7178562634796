using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>Rules written validly that cannot be evaluated: each is an ERROR whose message says what to write instead.</summary>
public sealed class RuleErrorTests : IDisposable
{
    private readonly OrdersLake lake = new();

    public void Dispose() => lake.Dispose();

    [Theory]
    [InlineData("CustomSql \"SELECT 'x'\" > 0", "CustomSql must return one number; its query returned VARCHAR.")]
    [InlineData("CustomSql \"SELECT CAST(NULL AS INTEGER)\" > 0", "CustomSql must return one number; its query returned NULL.")]
    [InlineData("ReferentialIntegrity \"customer_id,id\" \"shop.customers.id\" = 1.0", "ReferentialIntegrity compares as many columns on each side; \"customer_id,id\" has 2, \"shop.customers.id\" has 1.")]
    [InlineData("RowCountMatch \"customers\" = 1.0", "A reference table is named as \"<database>.<table>\"; got \"customers\".")]
    [InlineData("ColumnValues \"qty\" > avg(last(3))", "ColumnValues checks each value; last(n) reads a metric's history and has no value per row. Compare with numbers, strings or now().")]
    [InlineData("ColumnDataType \"code\" > 3", "ColumnDataType takes = \"TYPE\" or in [\"TYPE\", ...], with the types BOOLEAN, INTEGER, LONG, FLOAT, DOUBLE, DECIMAL, DATE, TIMESTAMP, STRING.")]
    [InlineData("ColumnDataType \"code\" = \"WORD\"", "ColumnDataType: 'WORD' is not a type; the types are BOOLEAN, INTEGER, LONG, FLOAT, DOUBLE, DECIMAL, DATE, TIMESTAMP, STRING.")]
    [InlineData("ColumnValues \"updated\" > now() + \"x\"", "An operand combines values that do not go together: use now() - 3 days, or numbers.")]
    [InlineData("ColumnLength \"status\" > \"four\"", "ColumnLength compares lengths with numbers, as in ColumnLength \"code\" between 2 and 8.")]
    [InlineData("DataFreshness \"updated\" <= 3", "DataFreshness compares ages with durations such as 24 hours, 3 days or 30 minutes, as in DataFreshness \"updated_at\" <= 24 hours.")]
    [InlineData("RowCount > \"many\"", "Dataset.*.RowCount is a number; compare it with numbers or avg(last(n)), not with text, times or NULL.")]
    [InlineData("Mean \"amount\" > 0 where \"id < 0\"", "No value to check: amount has no values to measure.")]
    [InlineData("ColumnCorrelation \"amount\" \"qty\" > 0.5 where \"id = 1\"", "No value to check: the correlation needs at least two rows with values in both columns, and values that vary.")]
    [InlineData("ColumnCorrelation \"amount\" \"qty\" > 0.5 where \"id < 0\"", "No value to check: the correlation needs at least two rows with values in both columns, and values that vary.")]
    [InlineData("ColumnNamesMatchPattern \"[a-\"", "\"[a-\" is not a regular expression: Invalid pattern '^(?:[a-)$' at offset 9. Unterminated [] set.")]
    [InlineData("ColumnValues \"status\" matches \"[a-\"", "Invalid Input Error: missing ]: [a-")]
    public async Task A_rule_that_cannot_be_evaluated_is_an_error_that_says_why(string rule, string message)
    {
        var result = await lake.CheckAsync(rule);

        Assert.Equal((DataQualityRuleResult.Error, message), (result.Result, result.EvaluationMessage));
    }
}
