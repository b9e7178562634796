namespace DevEndpoint.DataQuality;

/// <summary>The messages of data quality checks that cannot run: a ruleset written wrongly, a ruleset or table not found.</summary>
internal static class DataQualityErrors
{
    /// <summary>A syntax error: <c>Ruleset line 3, column 7: expected ..., found ...</c>.</summary>
    public static DevEndpointException Syntax(DqdlPosition position, string what) =>
        new($"Ruleset line {position.Line}, column {position.Column}: {what}.");

    public static DevEndpointException NoRuleset(string name, IReadOnlyList<string> known) =>
        new(known.Count == 0
            ? $"There is no ruleset '{name}' in the catalog, which has none yet. Create one with dq ruleset create {name} --table <database>.<table> --file <rules.dqdl>."
            : $"There is no ruleset '{name}' in the catalog. Rulesets: {string.Join(", ", known.Select(k => $"'{k}'"))}.");

    public static DevEndpointException RulesetExists(string name) =>
        new($"A ruleset '{name}' is in the catalog already. Delete it first (dq ruleset delete {name}), or choose another name.");

    public static DevEndpointException BadRulesetName(string name) =>
        new($"'{name}' is not a name a ruleset can take. Use letters, digits, '-' and '_', starting with a letter.");

    public static DevEndpointException BadTarget(string target) =>
        new($"'{target}' is not a table: name it as <database>.<table>.");

    public static DevEndpointException SampledProfile(string source, long rows) =>
        new($"The profile of {source} is of a sample of {rows:N0} rows, and suggestions need the figures of every row. Profile {source} again without --sample.");

    public static DevEndpointException ProfileOfAnotherTable(string target, string profiled) =>
        new($"The profile is of {profiled}, not {target}. Suggest rules for {profiled}, or profile {target} first.");
}
