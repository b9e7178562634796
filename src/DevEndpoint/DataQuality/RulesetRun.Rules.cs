using System.Text.RegularExpressions;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>Each rule type: what it measures, and the metric its condition is checked against.</summary>
internal sealed partial class RulesetRun
{
    private Func<Outcome> Plan(DqdlRule rule, List<Check> checks)
    {
        if (rule is DqdlCompositeRule composite)
        {
            var parts = composite.Rules.Select(r => Plan(r, checks)).ToList();
            return () => Combine(composite, parts.Select(p => p()).ToList());
        }

        var simple = (DqdlSimpleRule)rule;
        var check = new Check(simple);
        checks.Add(check);
        Func<Outcome>? finish = null;
        try
        {
            finish = PlanSimple(check);
        }
        catch (DevEndpointException e)
        {
            check.Error = e.Message;
        }

        return () =>
        {
            if (check.Error is { } error)
            {
                return new Outcome(Catalog.DataQualityRuleResult.Error, error, new Dictionary<string, double>());
            }

            try
            {
                return finish!();
            }
            catch (DevEndpointException e)
            {
                return new Outcome(Catalog.DataQualityRuleResult.Error, e.Message, new Dictionary<string, double>());
            }
        };
    }

    private static Outcome Combine(DqdlCompositeRule rule, List<Outcome> outcomes)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in outcomes.SelectMany(o => o.Metrics))
        {
            metrics[pair.Key] = pair.Value;
        }

        var described = rule.Rules.Zip(outcomes, (r, o) => (Rule: r.Text, Outcome: o)).ToList();
        if (described.FirstOrDefault(d => d.Outcome.Result == Catalog.DataQualityRuleResult.Error) is { Rule: not null } error)
        {
            return new Outcome(Catalog.DataQualityRuleResult.Error, $"({error.Rule}): {error.Outcome.Message}", metrics);
        }

        var passed = rule.And
            ? outcomes.All(o => o.Result == Catalog.DataQualityRuleResult.Pass)
            : outcomes.Any(o => o.Result == Catalog.DataQualityRuleResult.Pass);
        if (passed)
        {
            return new Outcome(Catalog.DataQualityRuleResult.Pass, null, metrics);
        }

        var failed = described.Where(d => d.Outcome.Result == Catalog.DataQualityRuleResult.Fail).Select(d => $"({d.Rule}): {d.Outcome.Message}");
        return new Outcome(Catalog.DataQualityRuleResult.Fail, string.Join(" ", failed), metrics);
    }

    private Func<Outcome> PlanSimple(Check check)
    {
        var rule = check.Rule;
        var where = rule.Where;
        var filter = Filter(where);
        switch (rule.Type)
        {
            case "RowCount":
                var rows = Add(check, $"count(*){filter}");
                return () => Judge(rule, "Dataset.*.RowCount", Required(rows));
            case "ColumnCount":
                return () => Judge(rule, "Dataset.*.ColumnCount", columns.Count);
            case "ColumnExists":
                return () => Column(rule.Parameters[0], out _) is not null
                    ? Passed()
                    : Failed($"Column '{rule.Parameters[0]}' does not exist in {target}.");
            case "ColumnNamesMatchPattern":
                var pattern = Pattern(rule.Parameters[0]);
                return () =>
                {
                    var mismatched = columns.Where(c => !pattern.IsMatch(c.Name)).Select(c => c.Name).ToList();
                    return mismatched.Count == 0
                        ? Passed()
                        : Failed($"Column names that do not match \"{rule.Parameters[0]}\": {string.Join(", ", mismatched)}.");
                };
            case "ColumnDataType":
                return PlanDataType(check);
            case "Completeness" or "IsComplete":
                var (complete, all) = (Add(check, $"count({RequireColumn(rule, 0)}){filter}"), Add(check, $"count(*){filter}"));
                var completeness = $"Column.{rule.Parameters[0]}.Completeness";
                return () =>
                {
                    var value = Ratio(complete, all);
                    return rule.Type == "IsComplete"
                        ? Exactly(completeness, value, $"{Whole(Required(all) - Required(complete))} of {Whole(Required(all))} values of {rule.Parameters[0]} are null.")
                        : Judge(rule, completeness, value);
                };
            case "Uniqueness" or "IsUnique" or "UniqueValueRatio" or "DistinctValuesCount" or "Entropy":
                return PlanFrequencies(check, [RequireColumn(rule, 0)], rule.Parameters[0]);
            case "IsPrimaryKey":
                var keys = rule.Parameters.SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
                return PlanFrequencies(check, keys.Select(k => Quoted(k, rule)).ToList(), string.Join(",", keys));
            case "Mean" or "Sum" or "StandardDeviation":
                var numeric = RequireNumeric(rule, 0);
                var function = rule.Type switch { "Mean" => "avg", "Sum" => "sum", _ => "stddev_pop" };
                var aggregate = Add(check, $"{function}({numeric}){filter}");
                return () => Judge(rule, $"Column.{rule.Parameters[0]}.{rule.Type}", Required(aggregate, $"{rule.Parameters[0]} has no values to measure"));
            case "ColumnCorrelation":
                var correlation = Add(check, $"corr({RequireNumeric(rule, 0)}, {RequireNumeric(rule, 1)}){filter}");
                return () => Judge(rule, $"Multicolumn.{rule.Parameters[0]},{rule.Parameters[1]}.ColumnCorrelation", Correlation(correlation));
            case "ColumnValues" or "ColumnLength" or "DataFreshness":
                return PlanRowLevel(check);
            case "CustomSql":
                return PlanCustomSql(check);
            case "RowCountMatch" or "SchemaMatch":
                return PlanReferenceTable(check);
            default:
                return PlanReferentialIntegrity(check);
        }
    }

    private Func<Outcome> PlanFrequencies(Check check, IReadOnlyList<string> quoted, string shown)
    {
        var rule = check.Rule;
        var group = Frequencies(quoted, rule.Where);
        check.Groups.Add(group);
        var all = Add(check, $"count(*){Filter(rule.Where)}");
        var prefix = quoted.Count == 1 ? $"Column.{shown}" : $"Multicolumn.{shown}";
        return () =>
        {
            var rows = Required(all);
            var (distinct, unique, values, nlogn) = (group.Distinct.Value ?? 0, group.Unique.Value ?? 0, group.Values.Value ?? 0, group.NLogN.Value ?? 0);
            var uniqueness = rows == 0 ? 1 : unique / rows;
            switch (rule.Type)
            {
                case "Uniqueness":
                    return Judge(rule, $"{prefix}.Uniqueness", uniqueness);
                case "IsUnique" or "IsPrimaryKey":
                    var nulls = rows - values;
                    var repeated = values - unique;
                    var problems = new List<string>();
                    if (repeated > 0)
                    {
                        problems.Add($"{Whole(repeated)} of {Whole(rows)} values of {shown} occur more than once");
                    }

                    if (nulls > 0)
                    {
                        problems.Add($"{Whole(nulls)} are null");
                    }

                    return Exactly($"{prefix}.Uniqueness", uniqueness, string.Join("; ", problems) + ".");
                case "UniqueValueRatio":
                    return Judge(rule, $"{prefix}.UniqueValueRatio", distinct == 0 ? 0 : unique / distinct);
                case "DistinctValuesCount":
                    return Judge(rule, $"{prefix}.DistinctValuesCount", distinct);
                default:
                    return Judge(rule, $"{prefix}.Entropy", values == 0 ? 0 : Math.Log(values) - (nlogn / values));
            }
        };
    }

    private Aggregate Add(Check check, string sql)
    {
        var aggregate = Shared(sql);
        check.Aggregates.Add(aggregate);
        return aggregate;
    }

    /// <summary>The column's name as the table spells it, or <c>null</c>; <paramref name="type"/> its DuckDB type.</summary>
    private string? Column(string name, out string type)
    {
        var found = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        if (found.Name is null)
        {
            found = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        type = found.Type ?? string.Empty;
        return found.Name;
    }

    private string Quoted(string name, DqdlSimpleRule rule) =>
        Column(name, out _) is { } found ? SqlText.Quote(found) : throw MissingColumn(name, rule);

    private string RequireColumn(DqdlSimpleRule rule, int parameter) => Quoted(rule.Parameters[parameter], rule);

    private string RequireNumeric(DqdlSimpleRule rule, int parameter)
    {
        var name = rule.Parameters[parameter];
        var quoted = Quoted(name, rule);
        Column(name, out var type);
        return IsNumeric(type)
            ? quoted
            : throw new DevEndpointException($"{rule.Type} needs a numeric column; {name} is {type}.");
    }

    private DevEndpointException MissingColumn(string name, DqdlSimpleRule rule)
    {
        var closest = ClosestNames.Find(name, columns.Select(c => c.Name)).ToList();
        var hint = closest.Count > 0
            ? $" Did you mean {string.Join(", ", closest.Select(c => $"'{c}'"))}?"
            : $" Its columns: {string.Join(", ", columns.Select(c => c.Name))}.";
        return new DevEndpointException($"{rule.Type}: column '{name}' does not exist in {target}.{hint}");
    }

    private static bool IsNumeric(string type) =>
        type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "FLOAT" or "DOUBLE"
        || type.StartsWith("DECIMAL", StringComparison.Ordinal);

    private static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new DevEndpointException($"\"{pattern}\" is not a regular expression: {e.Message}");
        }
    }

    private static double Required(Aggregate aggregate, string? why = null) =>
        aggregate.Value ?? throw new DevEndpointException($"No value to check: {why ?? "the rule's rows are empty"}.");

    /// <summary>A correlation, which DuckDB gives as NULL without rows and as NaN over one row or a constant column: no value to check.</summary>
    private static double Correlation(Aggregate correlation)
    {
        const string Why = "the correlation needs at least two rows with values in both columns, and values that vary";
        var value = Required(correlation, Why);
        return double.IsNaN(value) ? throw new DevEndpointException($"No value to check: {Why}.") : value;
    }

    private static double Ratio(Aggregate part, Aggregate whole) => Required(whole) == 0 ? 1 : Required(part) / Required(whole);
}
