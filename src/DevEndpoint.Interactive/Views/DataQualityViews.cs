using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;

namespace DevEndpoint.Interactive.Views;

/// <summary>What <c>#!dq</c> shows: each rule with its result coloured (PASS green, FAIL red, ERROR amber), metrics and message.</summary>
internal static class DataQualityViews
{
    public static string Result(string target, DataQualityResult result, string? rowsVariable)
    {
        var html = new StringBuilder();
        var passed = result.RuleResults.Count(r => r.Result == DataQualityRuleResult.Pass);
        html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlTable.Encode(target)}: {passed} of {result.RuleResults.Count} rules passed (score {Number(result.Score)})");
        html.Append(result.TargetTable is null ? "." : $"; kept in the catalog as {HtmlTable.Encode(result.ResultId)}.");
        if (rowsVariable is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" Row-level outcomes in {HtmlTable.Encode(rowsVariable)}.");
        }

        html.Append("</p><table><thead><tr><th>Rule</th><th>Result</th><th>Metrics</th><th>Message</th></tr></thead><tbody>");
        foreach (var rule in result.RuleResults)
        {
            var colour = rule.Result switch
            {
                DataQualityRuleResult.Pass => "#1a7f37",
                DataQualityRuleResult.Fail => "#cf222e",
                _ => "#9a6700",
            };
            var metrics = string.Join("<br/>", rule.EvaluatedMetrics.Select(m => HtmlTable.Encode($"{m.Key} = {Number(m.Value)}")));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{HtmlTable.Encode(rule.Description)}</code></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td style=\"color:{colour};font-weight:bold\">{rule.Result}</td><td>{metrics}</td><td>{HtmlTable.Encode(rule.EvaluationMessage)}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static string Suggestion(string target, string ruleset) =>
        $"<p>Recommended rules for {HtmlTable.Encode(target)}, which it passes today; edit them and run them with #!dq:</p><pre>{HtmlTable.Encode(ruleset)}</pre>";

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
