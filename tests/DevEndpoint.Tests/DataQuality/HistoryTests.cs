using DevEndpoint.Catalog;
using DevEndpoint.DataQuality;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>Runs kept in the catalog, dynamic rules over their history, rulesets by name, row-level outcomes and recommendations.</summary>
public sealed class HistoryTests : IDisposable
{
    private readonly OrdersLake lake = new();

    public void Dispose() => lake.Dispose();

    [Fact]
    public async Task A_dynamic_rule_passes_without_history_then_compares_with_the_runs_kept()
    {
        const string Rules = "Rules = [ RowCount > avg(last(3)) * 0.9, Completeness \"email\" >= max(last(2)) ]";

        var first = await Run(Rules);
        Assert.Equal(
            $"Value: {OrdersLake.Rows}. No earlier run of shop.orders recorded Dataset.*.RowCount yet, so the dynamic condition passes; later runs compare with this one.",
            first.RuleResults[0].EvaluationMessage);
        var second = await Run(Rules);
        Assert.Equal([DataQualityRuleResult.Pass, DataQualityRuleResult.Pass], second.RuleResults.Select(r => r.Result));
        Assert.Null(second.RuleResults[0].EvaluationMessage);

        var tighter = await Run("Rules = [ RowCount > index(last(2), 1) * 1.5 ]");
        Assert.Equal(DataQualityRuleResult.Fail, tighter.RuleResults[0].Result);
        Assert.Equal($"Value: {OrdersLake.Rows} does not meet the constraint requirement (> {OrdersLake.Rows * 1.5} from the history).", tighter.RuleResults[0].EvaluationMessage);

        var history = lake.Catalog.GetDataQualityResults(new TableName("shop", "orders"));
        Assert.Equal([tighter.ResultId, second.ResultId, first.ResultId], history.Select(h => h.ResultId));
        Assert.Equal(second.RuleResults, history[1].RuleResults, (a, b) => a.Name == b.Name && a.Result == b.Result && a.EvaluatedMetrics.SequenceEqual(b.EvaluatedMetrics));
    }

    [Fact]
    public async Task A_where_clause_keeps_its_own_history()
    {
        await Run("Rules = [ RowCount > 0 where \"status = 'open'\" ]");

        var run = await Run($"Rules = [ RowCount >= max(last(1)) ]");
        Assert.Contains("No earlier run", run.RuleResults[0].EvaluationMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ruleset_name_it_cannot_take_or_a_target_that_is_not_a_table_is_refused_and_nothing_is_kept()
    {
        const string Rules = "Rules = [ RowCount > 0 ]";

        var badName = Assert.Throws<DevEndpointException>(() => DataQualityRulesets.Create(lake.Catalog, "1 orders", "shop.orders", Rules));
        var badTable = Assert.Throws<DevEndpointException>(() => DataQualityRulesets.Create(lake.Catalog, "orders-basics", "orders", Rules));
        var badRun = await Assert.ThrowsAsync<DevEndpointException>(() => EvaluateDataQuality.RunAsync(lake.Session, "orders", Rules));
        var badSuggestion = await Assert.ThrowsAsync<DevEndpointException>(() => DataQualityRecommendations.SuggestAsync(lake.Session, "orders"));

        Assert.Equal("'1 orders' is not a name a ruleset can take. Use letters, digits, '-' and '_', starting with a letter.", badName.Message);
        Assert.Equal("'orders' is not a table: name it as <database>.<table>.", badTable.Message);
        Assert.Equal(badTable.Message, badRun.Message);
        Assert.Equal(badTable.Message, badSuggestion.Message);
        Assert.Empty(lake.Catalog.GetDataQualityRulesets());
        Assert.Empty(lake.Catalog.GetDataQualityResults());
    }

    [Fact]
    public async Task A_ruleset_kept_in_the_catalog_runs_by_name_on_its_table()
    {
        DataQualityRulesets.Create(lake.Catalog, "orders-basics", "shop.orders", "Rules = [ IsComplete \"id\", IsComplete \"email\" ]");

        var run = await EvaluateDataQuality.RunRulesetAsync(lake.Session, "orders-basics");

        Assert.Equal(("orders-basics", 0.5), (run.Result.RulesetName, run.Result.Score));
        Assert.Equal("orders-basics", Assert.Single(lake.Catalog.GetDataQualityResults()).RulesetName);
        Assert.Equal(
            "A ruleset 'orders-basics' is in the catalog already. Delete it first (dq ruleset delete orders-basics), or choose another name.",
            Assert.Throws<DevEndpointException>(() => DataQualityRulesets.Create(lake.Catalog, "orders-basics", "shop.orders", "Rules = [ RowCount > 0 ]")).Message);
        Assert.Equal(
            "Ruleset line 1, column 20: expected a condition such as > 0.9, between 1 and 5, in [\"a\", \"b\"] or matches \"[a-z]+\" after RowCount, found ']'.",
            Assert.Throws<DevEndpointException>(() => DataQualityRulesets.Create(lake.Catalog, "other", "shop.orders", "Rules = [ RowCount ]")).Message);
        DataQualityRulesets.Delete(lake.Catalog, "orders-basics");
        Assert.Equal(
            "There is no ruleset 'orders-basics' in the catalog, which has none yet. Create one with dq ruleset create orders-basics --table <database>.<table> --file <rules.dqdl>.",
            Assert.Throws<DevEndpointException>(() => DataQualityRulesets.Get(lake.Catalog, "orders-basics")).Message);
    }

    [Fact]
    public void The_rulesets_kept_for_a_table_are_listed_by_name_without_those_of_other_tables()
    {
        DataQualityRulesets.Create(lake.Catalog, "orders-strict", "shop.orders", "Rules = [ IsComplete \"email\" ]");
        DataQualityRulesets.Create(lake.Catalog, "orders-basics", "shop.orders", "Rules = [ RowCount > 0 ]");
        Assert.Empty(DataQualityRulesets.ForTable(lake.Catalog, "shop.customers"));

        Assert.Equal(["orders-basics", "orders-strict"], DataQualityRulesets.ForTable(lake.Catalog, "Shop.Orders").Select(r => r.Name));
    }

    [Fact]
    public async Task Row_level_outcomes_list_the_rules_each_row_passed_failed_and_skipped()
    {
        var run = await EvaluateDataQuality.RunAsync(
            lake.Session,
            "shop.orders",
            "Rules = [ IsComplete \"email\", ColumnValues \"amount\" > 30 where \"status = 'open'\", RowCount > 0, IsUnique \"id\" ]",
            new DataQualityOptions { RowLevel = true, Record = false });
        var rows = run.RowLevelOutcomes!;

        Assert.Equal(lake.Orders.Count, rows.Rows.Count);
        var ids = rows["id"].Cast<object>().Select(Convert.ToInt32).ToList();
        for (var r = 0; r < ids.Count; r++)
        {
            var order = lake.Orders.Single(o => o.Id == ids[r]);
            var pass = new List<string>();
            var fail = new List<string>();
            var skip = new List<string> { "RowCount > 0" };
            (order.Email is null ? fail : pass).Add("IsComplete \"email\"");
            (order.Status != "open" ? skip : order.Amount > 30 ? pass : fail).Add("ColumnValues \"amount\" > 30 where \"status = 'open'\"");
            pass.Add("IsUnique \"id\"");
            Assert.Equal(Json(pass), rows["DataQualityRulesPass"][r]);
            Assert.Equal(Json(fail), rows["DataQualityRulesFail"][r]);
            Assert.Equal(Json(skip), rows["DataQualityRulesSkip"][r]);
            Assert.Equal(fail.Count == 0 ? "Passed" : "Failed", rows["DataQualityEvaluationResult"][r]);
        }
    }

    [Fact]
    public async Task A_CustomSql_rule_without_a_condition_passes_at_row_level_the_rows_its_query_returns()
    {
        var run = await EvaluateDataQuality.RunAsync(
            lake.Session,
            "shop.orders",
            "Rules = [ CustomSql \"select id from primary where qty > 2\", CustomSql \"select count(*) from primary\" > 0 ]",
            new DataQualityOptions { RowLevel = true, Record = false });
        var rows = run.RowLevelOutcomes!;

        var ids = rows["id"].Cast<object>().Select(Convert.ToInt32).ToList();
        Assert.Equal(lake.Orders.Select(o => o.Id).Order(), ids.Order());
        for (var r = 0; r < ids.Count; r++)
        {
            var large = lake.Orders.Single(o => o.Id == ids[r]).Qty > 2;
            List<string> rowLevel = ["CustomSql \"select id from primary where qty > 2\""];
            Assert.Equal(Json(large ? rowLevel : []), rows["DataQualityRulesPass"][r]);
            Assert.Equal(Json(large ? [] : rowLevel), rows["DataQualityRulesFail"][r]);
            Assert.Equal(Json(["CustomSql \"select count(*) from primary\" > 0"]), rows["DataQualityRulesSkip"][r]);
            Assert.Equal(large ? "Passed" : "Failed", rows["DataQualityEvaluationResult"][r]);
        }
    }

    [Fact]
    public async Task A_DataFrame_is_checked_by_name_and_its_run_is_not_kept()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", [1, 2, 2, null]));

        var run = await EvaluateDataQuality.RunAsync(
            lake.Session, "numbers", "Rules = [ RowCount = 4, IsUnique \"n\", Completeness \"n\" = 0.75 ]", new DataQualityOptions { Frames = new Dictionary<string, DataFrame> { ["numbers"] = frame } });

        Assert.Equal([DataQualityRuleResult.Pass, DataQualityRuleResult.Fail, DataQualityRuleResult.Pass], run.Result.RuleResults.Select(r => r.Result));
        Assert.Null(run.Result.TargetTable);
        Assert.Empty(lake.Catalog.GetDataQualityResults());
    }

    [Fact]
    public async Task A_recommended_ruleset_is_valid_DQDL_that_the_table_passes()
    {
        var text = await DataQualityRecommendations.SuggestAsync(lake.Session, "shop.orders");

        Assert.Contains("IsUnique \"id\"", text, StringComparison.Ordinal);
        Assert.Contains($"Completeness \"email\" >= {lake.Orders.Count(o => o.Email is not null) / (double)lake.Orders.Count:0.####}", text, StringComparison.Ordinal);
        Assert.Contains("ColumnValues \"status\" in [\"closed\", \"open\", \"void\"]", text, StringComparison.Ordinal);
        var run = await EvaluateDataQuality.RunAsync(lake.Session, "shop.orders", text, new DataQualityOptions { Record = false });
        Assert.All(run.Result.RuleResults, r => Assert.True(r.Result == DataQualityRuleResult.Pass, $"{r.Description}: {r.EvaluationMessage}"));
        Assert.True(run.Result.RuleResults.Count >= 15);
    }

    private async Task<DataQualityResult> Run(string rules) =>
        (await EvaluateDataQuality.RunAsync(lake.Session, "shop.orders", rules)).Result;

    private static string Json(List<string> rules) => System.Text.Json.JsonSerializer.Serialize(rules, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
