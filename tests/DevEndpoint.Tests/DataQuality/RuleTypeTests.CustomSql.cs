using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>Rules over another table, CustomSql, composite rules, and a rule whose where clause is wrong.</summary>
public sealed partial class RuleTypeTests
{
    [Fact]
    public async Task Rules_over_another_table_compare_row_counts_schemas_and_keys()
    {
        var known = Orders.Count(o => o.CustomerId < OrdersLake.Customers) / (double)Orders.Count;

        await Passes($"RowCountMatch \"shop.orders_copy\" = {Text(Orders.Count / (double)OrdersLake.CopyRows)}", "Dataset.*.RowCountMatch", Orders.Count / (double)OrdersLake.CopyRows);
        await Fails("RowCountMatch \"shop.orders_copy\" between 0.9 and 1.1", "Dataset.*.RowCountMatch", Orders.Count / (double)OrdersLake.CopyRows);
        await Passes("SchemaMatch \"shop.orders_copy\" = 1.0", "Dataset.*.SchemaMatch", 1);
        await Fails("SchemaMatch \"shop.customers\" > 0.5", "Dataset.*.SchemaMatch", 1 / 9.0);
        await Passes("ReferentialIntegrity \"id\" \"shop.orders_copy.id\" > 0.5", "Column.id.ReferentialIntegrity", OrdersLake.CopyRows / (double)Orders.Count);
        await Fails("ReferentialIntegrity \"customer_id\" \"shop.customers.id\" = 1.0", "Column.customer_id.ReferentialIntegrity", known);
        await Passes("ReferentialIntegrity \"customer_id,id\" \"shop.orders_copy.{customer_id,id}\" > 0.7", "Column.customer_id,id.ReferentialIntegrity", OrdersLake.CopyRows / (double)Orders.Count);
        var missing = await lake.CheckAsync("RowCountMatch \"shop.nothing\" = 1");
        Assert.Equal(DataQualityRuleResult.Error, missing.Result);
    }

    [Fact]
    public async Task CustomSql_checks_the_one_number_its_query_returns()
    {
        var top = Orders.Max(o => o.Qty);

        await Passes($"CustomSql \"select max(qty) from primary\" = {top}", "Dataset.*.CustomSQL", top);
        await Fails($"CustomSql \"SELECT count(*) FROM primary WHERE status = 'void'\" = 0", "Dataset.*.CustomSQL", Orders.Count(o => o.Status == "void"));
        var rows = await lake.CheckAsync("CustomSql \"select id from primary\" > 0");
        Assert.Equal(
            (DataQualityRuleResult.Error, $"CustomSql must return one number (one row of one column); its query returned {Orders.Count} rows of 1 columns."),
            (rows.Result, rows.EvaluationMessage));
    }

    [Fact]
    public async Task CustomSql_without_a_condition_passes_the_rows_its_query_returns()
    {
        var large = Orders.Count(o => o.Qty > 2);

        await Passes("CustomSql \"select id, status from primary\"", "Dataset.*.CustomSQL.Compliance", 1);
        var failed = await Fails("CustomSql \"select id from primary where qty > 2\"", "Dataset.*.CustomSQL.Compliance", large / (double)Orders.Count);
        Assert.Equal(
            $"Value: {Text(large / (double)Orders.Count)} does not meet the constraint requirement: {Orders.Count - large} of {Orders.Count} rows do not meet the condition, and all of them must.",
            failed.EvaluationMessage);
        await Passes($"CustomSql \"select id from primary where qty > 2\" with threshold >= {Text(large / (double)Orders.Count)}");
        var unknown = await lake.CheckAsync("CustomSql \"select count(*) AS n from primary\"");
        Assert.Equal(
            (DataQualityRuleResult.Error,
                "A CustomSql rule without a condition returns the rows of primary that pass, so its query selects columns of shop.orders (id, email, status, amount, qty, code, customer_id, updated); "
                + "it returned n. To check one number instead, add a condition, as in CustomSql \"select count(*) from primary\" > 0."),
            (unknown.Result, unknown.EvaluationMessage));
    }

    [Fact]
    public async Task Composite_rules_join_their_parts_with_and_or_or()
    {
        var passed = await Passes($"(RowCount = {Orders.Count}) and ((IsComplete \"email\") or (IsUnique \"id\"))");
        Assert.Equal(Orders.Count, passed.EvaluatedMetrics["Dataset.*.RowCount"]);
        var failed = await Fails("(RowCount > 0) and (IsComplete \"email\")");
        Assert.StartsWith("(IsComplete \"email\"): Value:", failed.EvaluationMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_where_clause_is_an_error_of_its_rule_only()
    {
        var run = await DevEndpoint.DataQuality.EvaluateDataQuality.RunAsync(
            lake.Session,
            "shop.orders",
            $"Rules = [ RowCount = {Orders.Count}, Completeness \"email\" > 0.5 where \"no_such_column > 1\" ]",
            new DevEndpoint.DataQuality.DataQualityOptions { Record = false });

        Assert.Equal([DataQualityRuleResult.Pass, DataQualityRuleResult.Error], run.Result.RuleResults.Select(r => r.Result));
        Assert.Contains("no_such_column", run.Result.RuleResults[1].EvaluationMessage, StringComparison.Ordinal);
        Assert.Equal(0.5, run.Result.Score);
    }
}
