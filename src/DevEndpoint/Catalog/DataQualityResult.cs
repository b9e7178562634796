namespace DevEndpoint.Catalog;

/// <summary>
/// One run of a ruleset over a table, as Glue's GetDataQualityResult returns it: the share of rules that passed and each
/// rule's outcome with the metrics it measured.
/// </summary>
public sealed record DataQualityResult
{
    public required string ResultId { get; init; }

    /// <summary>The share of rules that passed, from 0 to 1.</summary>
    public double Score { get; init; }

    /// <summary>The catalog table checked, or <c>null</c> for a DataFrame of a notebook (whose runs are not kept).</summary>
    public DataQualityTargetTable? TargetTable { get; init; }

    public string? RulesetName { get; init; }

    public DateTimeOffset StartedOn { get; init; }

    public DateTimeOffset CompletedOn { get; init; }

    public IReadOnlyList<DataQualityRuleResult> RuleResults { get; init; } = [];
}

/// <summary>
/// One rule's outcome: <c>Name</c> (<c>Rule_1</c>, ...), <c>Description</c> (the rule as written), <c>Result</c> (PASS, FAIL or
/// ERROR), what was found, and the metrics measured by Glue's names (<c>Dataset.*.RowCount</c>, <c>Column.email.Completeness</c>).
/// </summary>
public sealed record DataQualityRuleResult(
    string Name,
    string Description,
    string Result,
    string? EvaluationMessage,
    IReadOnlyDictionary<string, double> EvaluatedMetrics)
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";
    public const string Error = "ERROR";
}

/// <summary>A metric measured by a run, kept for the dynamic rules (<c>avg(last(10))</c>) of later runs on the same table.</summary>
internal sealed record DataQualityMetricValue(string ResultId, DateTimeOffset CompletedOn, double Value);
