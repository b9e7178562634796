using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>Every rule type on a crawled CSV table, passing and failing; each expected figure is computed here from the rows written.</summary>
public sealed partial class RuleTypeTests : IDisposable
{
    private readonly OrdersLake lake = new();

    public void Dispose() => lake.Dispose();

    private IReadOnlyList<Order> Orders => lake.Orders;

    [Fact]
    public async Task RowCount_and_ColumnCount_measure_the_table()
    {
        var rows = Orders.Count;

        await Passes($"RowCount = {rows}", "Dataset.*.RowCount", rows);
        await Fails($"RowCount > {rows}", "Dataset.*.RowCount", rows);
        await Passes("ColumnCount = 8", "Dataset.*.ColumnCount", 8);
        await Fails("ColumnCount between 1 and 7", "Dataset.*.ColumnCount", 8);
    }

    [Fact]
    public async Task A_where_clause_counts_only_the_rows_it_picks()
    {
        var open = Orders.Count(o => o.Status == "open");

        await Passes($"RowCount = {open} where \"status = 'open'\"", "Dataset.*.RowCount", open);
        await Passes($"Completeness \"email\" = {Text(Orders.Where(o => o.Amount > 30).Count(o => o.Email is not null) / (double)Orders.Count(o => o.Amount > 30))} where \"amount > 30\"");
    }

    [Fact]
    public async Task Completeness_and_IsComplete_count_the_values_that_are_not_null()
    {
        var completeness = Orders.Count(o => o.Email is not null) / (double)Orders.Count;

        await Passes($"Completeness \"email\" >= {Text(completeness)}", "Column.email.Completeness", completeness);
        await Fails($"Completeness \"email\" > {Text(completeness)}", "Column.email.Completeness", completeness);
        await Passes("IsComplete \"id\"", "Column.id.Completeness", 1);
        var failed = await Fails("IsComplete \"email\"", "Column.email.Completeness", completeness);
        Assert.Equal(
            $"Value: {Text(completeness)} does not meet the constraint requirement: {Orders.Count(o => o.Email is null)} of {Orders.Count} values of email are null.",
            failed.EvaluationMessage);
    }

    [Fact]
    public async Task Uniqueness_UniqueValueRatio_DistinctValuesCount_and_Entropy_count_each_value()
    {
        var counts = Orders.Where(o => o.Email is not null).GroupBy(o => o.Email).Select(g => g.Count()).ToList();
        var uniqueness = counts.Count(c => c == 1) / (double)Orders.Count;
        var ratio = counts.Count(c => c == 1) / (double)counts.Count;
        var statuses = Orders.GroupBy(o => o.Status).Select(g => g.Count() / (double)Orders.Count).ToList();
        var entropy = -statuses.Sum(p => p * Math.Log(p));

        await Passes($"Uniqueness \"email\" between {Text(uniqueness - 0.01)} and {Text(uniqueness + 0.01)}", "Column.email.Uniqueness", uniqueness);
        await Fails("Uniqueness \"email\" > 0.99", "Column.email.Uniqueness", uniqueness);
        await Passes($"UniqueValueRatio \"email\" > {Text(ratio - 0.01)}", "Column.email.UniqueValueRatio", ratio);
        await Fails($"UniqueValueRatio \"email\" < {Text(ratio - 0.01)}", "Column.email.UniqueValueRatio", ratio);
        await Passes($"DistinctValuesCount \"status\" = {statuses.Count}", "Column.status.DistinctValuesCount", statuses.Count);
        await Fails($"DistinctValuesCount \"status\" in [1, 2]", "Column.status.DistinctValuesCount", statuses.Count);
        await Passes($"Entropy \"status\" > {Text(entropy - 0.001)}", "Column.status.Entropy", entropy);
        await Fails($"Entropy \"status\" < 1", "Column.status.Entropy", entropy);
    }

    [Fact]
    public async Task IsUnique_and_IsPrimaryKey_need_every_value_once_and_none_null()
    {
        var repeated = Orders.GroupBy(o => o.CustomerId).Where(g => g.Count() > 1).Sum(g => g.Count());
        var uniqueness = Orders.GroupBy(o => o.CustomerId).Count(g => g.Count() == 1) / (double)Orders.Count;

        await Passes("IsUnique \"id\"", "Column.id.Uniqueness", 1);
        await Passes("IsPrimaryKey \"id\"", "Column.id.Uniqueness", 1);
        await Passes("IsPrimaryKey \"customer_id\" \"id\"", "Multicolumn.customer_id,id.Uniqueness", 1);
        var failed = await Fails("IsPrimaryKey \"customer_id\"", "Column.customer_id.Uniqueness", uniqueness);
        Assert.Equal($"Value: 0 does not meet the constraint requirement: {repeated} of {Orders.Count} values of customer_id occur more than once.", failed.EvaluationMessage);
        await Fails("IsUnique \"email\"", "Column.email.Uniqueness", Orders.Where(o => o.Email is not null).GroupBy(o => o.Email).Count(g => g.Count() == 1) / (double)Orders.Count);
    }

    [Fact]
    public async Task Mean_Sum_StandardDeviation_and_ColumnCorrelation_measure_numbers()
    {
        var amounts = Orders.Select(o => o.Amount).ToList();
        var mean = amounts.Average();
        var deviation = Math.Sqrt(amounts.Average(a => (a - mean) * (a - mean)));
        var quantities = Orders.Select(o => (double)o.Qty).ToList();
        var qMean = quantities.Average();
        var correlation = amounts.Zip(quantities, (a, q) => (a - mean) * (q - qMean)).Sum()
            / Math.Sqrt(amounts.Sum(a => (a - mean) * (a - mean)) * quantities.Sum(q => (q - qMean) * (q - qMean)));

        await Passes($"Mean \"amount\" between {Text(mean - 1)} and {Text(mean + 1)}", "Column.amount.Mean", mean);
        await Fails($"Mean \"amount\" > {Text(mean + 1)}", "Column.amount.Mean", mean);
        await Passes($"Sum \"amount\" = {Text(amounts.Sum())}", "Column.amount.Sum", amounts.Sum());
        await Fails("Sum \"amount\" < 0", "Column.amount.Sum", amounts.Sum());
        await Passes($"StandardDeviation \"amount\" < {Text(deviation + 0.1)}", "Column.amount.StandardDeviation", deviation);
        await Fails($"StandardDeviation \"amount\" < {Text(deviation - 0.1)}", "Column.amount.StandardDeviation", deviation);
        await Passes($"ColumnCorrelation \"amount\" \"qty\" between {Text(correlation - 0.01)} and {Text(correlation + 0.01)}", "Multicolumn.amount,qty.ColumnCorrelation", correlation);
        await Fails("ColumnCorrelation \"amount\" \"qty\" > 0.9", "Multicolumn.amount,qty.ColumnCorrelation", correlation);
        var error = await lake.CheckAsync("Mean \"status\" > 1");
        Assert.Equal((DataQualityRuleResult.Error, "Mean needs a numeric column; status is VARCHAR."), (error.Result, error.EvaluationMessage));
    }

    [Fact]
    public async Task ColumnValues_checks_each_row_against_a_set_a_range_a_pattern_or_a_time()
    {
        var openOrClosed = Orders.Count(o => o.Status is "open" or "closed") / (double)Orders.Count;
        var recent = Orders.Count(o => o.Updated >= lake.Now.AddDays(-3)) / (double)Orders.Count;

        await Passes("ColumnValues \"status\" in [\"open\", \"closed\", \"void\"]", "Column.status.ColumnValues.Compliance", 1);
        var failed = await Fails("ColumnValues \"status\" in [\"open\", \"closed\"]", "Column.status.ColumnValues.Compliance", openOrClosed);
        Assert.Equal(
            $"Value: {Text(openOrClosed)} does not meet the constraint requirement: {Orders.Count(o => o.Status == "void")} of {Orders.Count} rows do not meet the condition, and all of them must.",
            failed.EvaluationMessage);
        await Passes($"ColumnValues \"status\" in [\"open\", \"closed\"] with threshold >= {Text(openOrClosed)}", "Column.status.ColumnValues.Compliance", openOrClosed);
        await Passes("ColumnValues \"amount\" between 1 and 60", "Column.amount.ColumnValues.Compliance", 1);
        await Fails("ColumnValues \"amount\" > 30", "Column.amount.ColumnValues.Compliance", Orders.Count(o => o.Amount > 30) / (double)Orders.Count);
        await Passes("ColumnValues \"code\" matches \"AB(C[0-9]+)?\"", "Column.code.ColumnValues.Compliance", 1);
        await Fails("ColumnValues \"code\" not matches \"AB\"", "Column.code.ColumnValues.Compliance", Orders.Count(o => o.Code != "AB") / (double)Orders.Count);
        await Fails("ColumnValues \"email\" != \"nobody\"", "Column.email.ColumnValues.Compliance", Orders.Count(o => o.Email is not null) / (double)Orders.Count);
        await Passes("ColumnValues \"email\" in [\"u1@example.org\", NULL] where \"id % 10 = 0 OR id = 1\"", "Column.email.ColumnValues.Compliance", 1);
        await Fails("ColumnValues \"updated\" >= now() - 3 days", "Column.updated.ColumnValues.Compliance", recent);
        await Passes("ColumnValues \"updated\" < now()", "Column.updated.ColumnValues.Compliance", 1);
    }

    [Fact]
    public async Task ColumnLength_and_DataFreshness_check_each_row()
    {
        var short4 = Orders.Count(o => o.Code.Length is >= 2 and <= 4) / (double)Orders.Count;
        var fresh = Orders.Count(o => lake.Now - o.Updated <= TimeSpan.FromHours(24)) / (double)Orders.Count;

        await Passes("ColumnLength \"code\" between 2 and 5", "Column.code.ColumnLength.Compliance", 1);
        await Fails("ColumnLength \"code\" <= 4", "Column.code.ColumnLength.Compliance", short4);
        await Passes("DataFreshness \"updated\" <= 300 days", "Column.updated.DataFreshness.Compliance", 1);
        await Fails("DataFreshness \"updated\" <= 24 hours", "Column.updated.DataFreshness.Compliance", fresh);
        await Passes($"DataFreshness \"updated\" <= 24 hours with threshold >= {Text(fresh)}", "Column.updated.DataFreshness.Compliance", fresh);
    }

    [Fact]
    public async Task Schema_rules_read_the_column_names_and_types()
    {
        await Passes("ColumnExists \"email\"");
        Assert.Equal("Column 'mail' does not exist in shop.orders.", (await Fails("ColumnExists \"mail\"")).EvaluationMessage);
        await Passes("ColumnNamesMatchPattern \"[a-z_]+\"");
        Assert.Equal("Column names that do not match \"[a-z]+\": customer_id.", (await Fails("ColumnNamesMatchPattern \"[a-z]+\"")).EvaluationMessage);
        await Passes("ColumnDataType \"id\" in [\"INTEGER\", \"LONG\"]");
        await Passes("ColumnDataType \"amount\" in [\"DOUBLE\", \"DECIMAL\"]");
        await Fails("ColumnDataType \"code\" = \"INTEGER\"", "Column.code.ColumnDataType.Compliance", 0);
        Assert.Equal("Column qty is INTEGER, not DATE or TIMESTAMP.", (await Fails("ColumnDataType \"qty\" in [\"DATE\", \"TIMESTAMP\"]")).EvaluationMessage);
        var missing = await lake.CheckAsync("IsComplete \"emial\"");
        Assert.Equal((DataQualityRuleResult.Error, "IsComplete: column 'emial' does not exist in shop.orders. Did you mean 'email'?"), (missing.Result, missing.EvaluationMessage));
    }

    private async Task<DataQualityRuleResult> Passes(string rule, string? metric = null, double expected = 0) =>
        await Outcome(rule, DataQualityRuleResult.Pass, metric, expected);

    private async Task<DataQualityRuleResult> Fails(string rule, string? metric = null, double expected = 0) =>
        await Outcome(rule, DataQualityRuleResult.Fail, metric, expected);

    private async Task<DataQualityRuleResult> Outcome(string rule, string result, string? metric, double expected)
    {
        var outcome = await lake.CheckAsync(rule);
        Assert.True(outcome.Result == result, $"{rule}: {outcome.Result} ({outcome.EvaluationMessage})");
        if (metric is not null)
        {
            Assert.Equal(expected, outcome.EvaluatedMetrics[metric], 9);
        }

        return outcome;
    }

    /// <summary>A number as DQDL writes it, exactly enough to compare with a metric.</summary>
    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
