namespace DevEndpoint.Commands;

/// <summary>
/// <c>devendpoint dq run|ruleset|history|suggest</c> and the options of <c>#!dq</c>, whose cell body is the DQDL (a kernel
/// of its own, as <c>#!sql</c>, so it builds its parameters from <see cref="Magic"/>'s options).
/// </summary>
internal static class DataQualityDescriptions
{
    public static OptionDescription Target { get; } = new("--table", "The table to check, as <database>.<table>.") { Positional = true, Required = true, Fronts = Fronts.Cli };

    public static OptionDescription Source { get; } = new("--source", "The table to check, as <database>.<table>, or the C# variable of a DataFrame (default: the ruleset's table).")
    {
        Positional = true,
        Fronts = Fronts.Magic,
    };

    public static OptionDescription RulesetFile { get; } = new("--ruleset", "A DQDL file (Rules = [ ... ]), or the name of a ruleset in the catalog.")
    {
        Required = true,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription RulesetName { get; } = new("--ruleset", "Run the catalog's ruleset of this name instead of the cell's DQDL.") { Fronts = Fronts.Magic };

    public static OptionDescription Rows { get; } = new(
        "--rows",
        "The C# variable that receives the rows with DataQualityRulesPass, DataQualityRulesFail, DataQualityRulesSkip and DataQualityEvaluationResult.")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Suggest { get; } = new("--suggest", "Show a recommended ruleset for the table, from its measured figures (or --from-profile), instead of running rules.")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Magic,
    };

    public static OptionDescription FromProfile { get; } = new(
        "--from-profile",
        "Suggest from a saved profile instead of reading the table again: a JSON file of devendpoint profile --json, or in a notebook a profile variable of #!profile --as. The same rules as from the table.");

    public static OptionDescription NoRecord { get; } = new("--no-record", "Do not keep the run and its metrics in the catalog's history.") { Value = OptionValue.Flag };

    public static OptionDescription Name { get; } = new("--name", "The ruleset's name: letters, digits, '-' and '_'.") { Positional = true, Required = true };

    public static CommandDescription Magic { get; } = new(
        "dq",
        "Check a table with Glue Data Quality rules: the cell's DQDL (Rules = [ ... ]) or a ruleset of the catalog, each rule PASS, FAIL or ERROR with its metrics.",
        [Source, RulesetName, Rows, Suggest, FromProfile, NoRecord, CommonOptions.Catalog])
    {
        Fronts = Fronts.Magic,
    };

    public static CommandDescription Group { get; } = new(
        "dq",
        "Data quality: check catalog tables with Glue's DQDL rules, keep rulesets and the history of their runs.",
        [])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Run { get; } = new(
        "dq run",
        "Run a DQDL ruleset over a table: each rule PASS, FAIL or ERROR with its metrics; the run is kept in the catalog's history. Exits 3 when a rule fails.",
        [Target, RulesetFile, NoRecord, CommonOptions.Catalog, CommonOptions.Json])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Ruleset { get; } = new("dq ruleset", "Rulesets kept in the catalog: create, list, show, delete.", []) { Fronts = Fronts.Cli };

    public static CommandDescription Create { get; } = new(
        "dq ruleset create",
        "Keep a DQDL ruleset in the catalog for a table, after checking its syntax.",
        [
            Name,
            new("--table", "The table the ruleset checks, as <database>.<table>.") { Required = true },
            new("--file", "The DQDL file.") { Value = OptionValue.File, Required = true },
            new("--description", "What the ruleset is for."),
            new("--replace", "Replace the ruleset of that name if there is one.") { Value = OptionValue.Flag },
            CommonOptions.Catalog,
        ])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription List { get; } = new("dq ruleset list", "List the catalog's rulesets and their tables.", [CommonOptions.Catalog, CommonOptions.Json]) { Fronts = Fronts.Cli };

    public static CommandDescription Show { get; } = new("dq ruleset show", "Print a ruleset's DQDL.", [Name, CommonOptions.Catalog, CommonOptions.Json]) { Fronts = Fronts.Cli };

    public static CommandDescription Delete { get; } = new("dq ruleset delete", "Delete a ruleset; the history of its runs stays.", [Name, CommonOptions.Catalog]) { Fronts = Fronts.Cli };

    public static CommandDescription History { get; } = new(
        "dq history",
        "List the runs kept in the catalog, newest first: of one table, or of every table.",
        [
            new("--table", "Only the runs over this table, as <database>.<table>.") { Positional = true },
            new("--limit", "Show at most this many runs (default 20).") { Value = OptionValue.Number },
            CommonOptions.Catalog,
            CommonOptions.Json,
        ])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription SuggestCommand { get; } = new(
        "dq suggest",
        "Print a recommended DQDL ruleset for a table, from its measured figures or a saved profile of it (Glue's recommendations), to edit and keep with dq ruleset create.",
        [Target, FromProfile, CommonOptions.Catalog])
    {
        Fronts = Fronts.Cli,
    };
}
