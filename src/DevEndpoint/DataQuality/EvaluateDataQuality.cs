using DevEndpoint.Catalog;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>
/// Glue's EvaluateDataQuality: runs a DQDL ruleset over a catalog table (or a notebook's DataFrame) and gives each rule's
/// PASS, FAIL or ERROR with the metrics it measured; the run and its metrics are kept in the catalog.
/// </summary>
public static class EvaluateDataQuality
{
    /// <summary>Runs the DQDL <paramref name="ruleset"/> over <paramref name="target"/> (<c>&lt;database&gt;.&lt;table&gt;</c>, or a DataFrame of <see cref="DataQualityOptions.Frames"/>).</summary>
    public static Task<DataQualityEvaluation> RunAsync(
        SqlSession session, string target, string ruleset, DataQualityOptions? options = null, CancellationToken cancellationToken = default) =>
        RulesetRun.RunAsync(session, target, ruleset, options ?? new DataQualityOptions(), cancellationToken);

    /// <summary>Runs the catalog's ruleset <paramref name="name"/> over its table, or over <paramref name="target"/> when given.</summary>
    public static Task<DataQualityEvaluation> RunRulesetAsync(
        SqlSession session, string name, string? target = null, DataQualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        var ruleset = DataQualityRulesets.Get(session.Catalog, name);
        return RulesetRun.RunAsync(
            session,
            target ?? ruleset.TargetTable.ToString(),
            ruleset.Ruleset,
            (options ?? new DataQualityOptions()) with { RulesetName = ruleset.Name },
            cancellationToken);
    }

    /// <summary>Checks that <paramref name="ruleset"/> is valid DQDL; a syntax error names its line and column.</summary>
    public static void Validate(string ruleset) => DqdlParser.Parse(ruleset);

    /// <summary>How many rules (a composite rule counting as one) a valid ruleset holds.</summary>
    internal static int RuleCount(string ruleset) => DqdlParser.Parse(ruleset).Rules.Count;
}
