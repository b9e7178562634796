using DevEndpoint.Sql;
using Microsoft.Data.Analysis;

namespace DevEndpoint.DataQuality;

/// <summary>Each row's outcome: which rules it passed and failed, and which have no row-level meaning for it.</summary>
internal sealed partial class RulesetRun
{
    private const string Prefix = "__dq_";

    /// <summary>The alias of the table checked in the row-level queries, which a row-level CustomSql rule's test names.</summary>
    private const string Primary = "__dq_primary";

    /// <summary>
    /// The table's rows with <c>DataQualityRulesPass</c>, <c>DataQualityRulesFail</c>, <c>DataQualityRulesSkip</c> and
    /// <c>DataQualityEvaluationResult</c>, in one query. A row-level rule (IsComplete, Completeness, IsUnique, Uniqueness,
    /// IsPrimaryKey, ColumnValues, ColumnLength, DataFreshness, and CustomSql without a condition, whose query returns the rows
    /// that pass) passes or fails each row its where clause picks and skips the others; every other rule (and one that cannot
    /// run) is skipped on every row.
    /// </summary>
    private async Task<DataFrame> RowLevelAsync(DqdlRuleset ruleset, CancellationToken cancellationToken)
    {
        var states = new List<(string Rule, string State)>();
        var skipped = new List<string>();
        foreach (var rule in ruleset.Rules)
        {
            string? test = null;
            if (rule is DqdlSimpleRule simple)
            {
                try
                {
                    test = RowTest(simple);
                }
                catch (DevEndpointException)
                {
                    test = null;
                }
            }

            if (test is null)
            {
                skipped.Add(rule.Text);
                continue;
            }

            var where = ((DqdlSimpleRule)rule).Where;
            var state = where is null
                ? $"CASE WHEN {test} THEN 'p' ELSE 'f' END"
                : $"CASE WHEN NOT coalesce(({where}), false) THEN 's' WHEN {test} THEN 'p' ELSE 'f' END";
            states.Add((rule.Text, state));
        }

        string List(string state) => states.Count == 0
            ? "CAST([] AS VARCHAR[])"
            : $"list_filter([{string.Join(", ", states.Select((s, i) => $"CASE WHEN {Prefix}{i} = '{state}' THEN {SqlText.Literal(s.Rule)} END"))}], x -> x IS NOT NULL)";
        var skip = skipped.Count == 0 ? List("s") : $"list_concat([{string.Join(", ", skipped.Select(SqlText.Literal))}], {List("s")})";
        var inner = states.Count == 0
            ? $"SELECT * FROM {relation}"
            : $"SELECT *, {string.Join(", ", states.Select((s, i) => $"{s.State} AS {Prefix}{i}"))} FROM {relation} AS {Primary}";
        var exclude = states.Count == 0 ? string.Empty : $" EXCLUDE ({string.Join(", ", states.Select((_, i) => $"{Prefix}{i}"))})";
        var sql = $"""
            SELECT * EXCLUDE ({Prefix}pass, {Prefix}fail, {Prefix}skip),
                   CAST(to_json({Prefix}pass) AS VARCHAR) AS DataQualityRulesPass,
                   CAST(to_json({Prefix}fail) AS VARCHAR) AS DataQualityRulesFail,
                   CAST(to_json({Prefix}skip) AS VARCHAR) AS DataQualityRulesSkip,
                   CASE WHEN len({Prefix}fail) = 0 THEN 'Passed' ELSE 'Failed' END AS DataQualityEvaluationResult
            FROM (SELECT *{exclude}, {List("p")} AS {Prefix}pass, {List("f")} AS {Prefix}fail, {skip} AS {Prefix}skip
                  FROM ({inner}))
            """;
        return (await session.RunAsync(sql, Query(), cancellationToken)).Frame;
    }

    /// <summary>The predicate a row meets for a rule with row-level meaning, or <c>null</c>.</summary>
    private string? RowTest(DqdlSimpleRule rule)
    {
        switch (rule.Type)
        {
            case "ColumnValues" or "ColumnLength" or "DataFreshness":
                return Predicate(rule);
            case "IsComplete" or "Completeness":
                return $"{RequireColumn(rule, 0)} IS NOT NULL";
            case "IsUnique" or "Uniqueness" or "IsPrimaryKey":
                var keys = rule.Parameters.SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Select(k => Quoted(k, rule)).ToList();
                var count = rule.Where is { } where ? $"count(*) FILTER (WHERE ({where}))" : "count(*)";
                return $"({string.Join(" AND ", keys.Select(k => $"{k} IS NOT NULL"))} AND {count} OVER (PARTITION BY {string.Join(", ", keys)}) = 1)";
            case "CustomSql" when rule.Condition is null && rowLevelSql.TryGetValue(rule, out var query):
                return Returned(query.Sql, query.Columns);
            default:
                return null;
        }
    }
}
