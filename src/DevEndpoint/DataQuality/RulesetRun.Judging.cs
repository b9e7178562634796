using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.DataQuality;

/// <summary>How a metric is checked against a rule's condition, with the history that dynamic conditions read.</summary>
internal sealed partial class RulesetRun
{
    /// <summary>Checks <paramref name="value"/> of <paramref name="metric"/> against the rule's condition, and records it.</summary>
    private Outcome Judge(DqdlSimpleRule rule, string metric, double value)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [metric] = value };
        var condition = rule.Condition!;
        var bounds = new List<double>();
        foreach (var operand in condition.Operands)
        {
            if (Number(operand, metric, rule.Where) is not { } bound)
            {
                Record(metric, rule.Where, value);
                return new Outcome(DataQualityRuleResult.Pass, $"Value: {Show(value)}. No earlier run of {target} recorded {metric} yet, so the dynamic condition passes; later runs compare with this one.", metrics);
            }

            bounds.Add(bound);
        }

        Record(metric, rule.Where, value);
        if (Holds(condition.Operator, value, bounds))
        {
            return new Outcome(DataQualityRuleResult.Pass, null, metrics);
        }

        var resolved = condition.IsDynamic ? $" ({Describe(condition.Operator, bounds)} from the history)" : string.Empty;
        return new Outcome(DataQualityRuleResult.Fail, $"Value: {Show(value)} does not meet the constraint requirement{resolved}.", metrics);
    }

    /// <summary>A rule whose metric must be exactly 1 (IsComplete, IsUnique, IsPrimaryKey).</summary>
    private Outcome Exactly(string metric, double value, string problem)
    {
        Record(metric, null, value);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [metric] = value };
        return value >= 1
            ? new Outcome(DataQualityRuleResult.Pass, null, metrics)
            : new Outcome(DataQualityRuleResult.Fail, $"Value: {Show(value)} does not meet the constraint requirement: {problem}", metrics);
    }

    /// <summary>A row-level rule: the share of rows that meet its condition, against its <c>with threshold</c> (all rows without one).</summary>
    private Outcome Compliance(DqdlSimpleRule rule, string metric, double passing, double rows)
    {
        var value = rows == 0 ? 1 : passing / rows;
        Record(metric, rule.Where, value);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [metric] = value };
        var threshold = rule.Threshold;
        var bounds = threshold?.Operands.Select(o => Number(o, metric, rule.Where) ?? 1).ToList() ?? [];
        var passes = threshold is null ? passing >= rows : Holds(threshold.Operator, value, bounds);
        if (passes)
        {
            return new Outcome(DataQualityRuleResult.Pass, null, metrics);
        }

        var expected = threshold is null ? "all of them must" : $"the threshold is {Describe(threshold.Operator, bounds)}";
        return new Outcome(
            DataQualityRuleResult.Fail,
            $"Value: {Show(value)} does not meet the constraint requirement: {Whole(rows - passing)} of {Whole(rows)} rows do not meet the condition, and {expected}.",
            metrics);
    }

    private static Outcome Passed() => new(DataQualityRuleResult.Pass, null, new Dictionary<string, double>());

    private static Outcome Failed(string message) => new(DataQualityRuleResult.Fail, message, new Dictionary<string, double>());

    private void Record(string metric, string? where, double value)
    {
        if (double.IsFinite(value))
        {
            recorded.Add((metric, where ?? string.Empty, value));
        }
    }

    private static bool Holds(DqdlOperator op, double value, IReadOnlyList<double> bounds) => op switch
    {
        DqdlOperator.Equal => value == bounds[0],
        DqdlOperator.NotEqual => value != bounds[0],
        DqdlOperator.Greater => value > bounds[0],
        DqdlOperator.GreaterOrEqual => value >= bounds[0],
        DqdlOperator.Less => value < bounds[0],
        DqdlOperator.LessOrEqual => value <= bounds[0],
        DqdlOperator.Between => value >= bounds[0] && value <= bounds[1],
        DqdlOperator.NotBetween => value < bounds[0] || value > bounds[1],
        DqdlOperator.In => bounds.Contains(value),
        DqdlOperator.NotIn => !bounds.Contains(value),
        _ => throw new DevEndpointException("matches compares text; a metric is a number: use =, >, between or in."),
    };

    private static string Describe(DqdlOperator op, IReadOnlyList<double> bounds) => op switch
    {
        DqdlOperator.Equal => $"= {Show(bounds[0])}",
        DqdlOperator.NotEqual => $"!= {Show(bounds[0])}",
        DqdlOperator.Greater => $"> {Show(bounds[0])}",
        DqdlOperator.GreaterOrEqual => $">= {Show(bounds[0])}",
        DqdlOperator.Less => $"< {Show(bounds[0])}",
        DqdlOperator.LessOrEqual => $"<= {Show(bounds[0])}",
        DqdlOperator.Between => $"between {Show(bounds[0])} and {Show(bounds[1])}",
        DqdlOperator.NotBetween => $"not between {Show(bounds[0])} and {Show(bounds[1])}",
        DqdlOperator.In => $"in [{string.Join(", ", bounds.Select(Show))}]",
        _ => $"not in [{string.Join(", ", bounds.Select(Show))}]",
    };

    /// <summary>An operand of a metric's condition as a number; <c>null</c> when it reads a history that has no value yet.</summary>
    private double? Number(DqdlExpression expression, string metric, string? where) => expression switch
    {
        DqdlNumber n => n.Value,
        DqdlHistory h => History(h, metric, where),
        DqdlArithmetic { Left: var l, Right: var r, Operator: var op } =>
            Number(l, metric, where) is { } left && Number(r, metric, where) is { } right
                ? op switch { '+' => left + right, '-' => left - right, '*' => left * right, _ => left / right }
                : null,
        _ => throw new DevEndpointException($"{metric} is a number; compare it with numbers or avg(last(n)), not with text, times or NULL."),
    };

    private double? History(DqdlHistory history, string metric, string? where)
    {
        if (table is not { } name)
        {
            return null;
        }

        var values = session.Catalog.GetDataQualityMetricHistory(name, metric, where ?? string.Empty, history.Count).Select(v => v.Value).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return history.Function switch
        {
            "avg" => values.Average(),
            "min" => values.Min(),
            "max" => values.Max(),
            "sum" => values.Sum(),
            "std" => Math.Sqrt(values.Select(v => Math.Pow(v - values.Average(), 2)).Average()),
            _ => history.Index < values.Count ? values[history.Index] : null,
        };
    }

    internal static string Show(double value) =>
        Math.Abs(value) >= 1e15 || (value != 0 && Math.Abs(value) < 1e-6)
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
