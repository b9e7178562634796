using Microsoft.Data.Analysis;

namespace DevEndpoint.DataQuality;

/// <summary>How a ruleset runs.</summary>
public sealed record DataQualityOptions
{
    /// <summary>The name the run is kept under in the catalog's history (a ruleset's name; <c>null</c> for rules given as text).</summary>
    public string? RulesetName { get; init; }

    /// <summary>Also give each row's outcome (<see cref="DataQualityEvaluation.RowLevelOutcomes"/>); one more pass over the table.</summary>
    public bool RowLevel { get; init; }

    /// <summary>Keep the run and its metrics in the catalog (default <c>true</c>), for history and later dynamic rules.</summary>
    public bool Record { get; init; } = true;

    /// <summary>DataFrames a ruleset may check by name instead of a catalog table (a notebook's DataFrame variables).</summary>
    public IReadOnlyDictionary<string, DataFrame> Frames { get; init; } = new Dictionary<string, DataFrame>();
}

/// <summary>A run's outcome: the result as Glue gives it, and, when asked for, the rows with their outcomes.</summary>
/// <param name="RowLevelOutcomes">
/// The rows with four columns more: <c>DataQualityRulesPass</c>, <c>DataQualityRulesFail</c> and <c>DataQualityRulesSkip</c>
/// (the rules, as written, that the row passed, failed, or that have no row-level meaning or whose <c>where</c> left the
/// row out; each a JSON list) and <c>DataQualityEvaluationResult</c> (<c>Passed</c> or <c>Failed</c>).
/// </param>
public sealed record DataQualityEvaluation(Catalog.DataQualityResult Result, DataFrame? RowLevelOutcomes);
