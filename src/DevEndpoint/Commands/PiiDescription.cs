using DevEndpoint.MachineLearning.Pii;

namespace DevEndpoint.Commands;

/// <summary><c>#!pii</c> and <c>devendpoint pii</c>.</summary>
internal static class PiiDescription
{
    /// <summary>A notebook also takes a DataFrame variable, so it names the input <c>--source</c>; the command line takes a table.</summary>
    public static OptionDescription Source { get; } = new("--source", "A catalog table as <database>.<table>, or the C# variable of a DataFrame.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Table { get; } = new("--table", "The table, as <database>.<table>.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription EntityTypes { get; } = new(PiiSettings.EntityTypes.Option, PiiSettings.EntityTypes.Description)
    {
        Allowed = ["ALL", .. PiiEntityTypes.All],
    };

    public static OptionDescription Action { get; } = new(PiiSettings.Action.Option, PiiSettings.Action.Description)
    {
        Allowed = ["detect", "redact", "partial-redact", "sha256-hash"],
    };

    public static OptionDescription SampleFraction { get; } = new(PiiSettings.SampleFraction.Option, PiiSettings.SampleFraction.Description) { Value = OptionValue.Number };

    public static OptionDescription ThresholdFraction { get; } = new(PiiSettings.ThresholdFraction.Option, PiiSettings.ThresholdFraction.Description) { Value = OptionValue.Number };

    public static OptionDescription As { get; } = new("--as", "The C# variable that receives a DataFrame: the entities found (detect: column, row, offset, length, entity_type) or the data with them replaced.")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Output { get; } = new("--output", "A CSV file that receives the entities found (detect) or the table with them replaced (the other actions); without it, the other actions print that CSV.")
    {
        Value = OptionValue.File,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription Record { get; } = new(PiiSettings.Record.Option, PiiSettings.Record.Description) { Value = OptionValue.Flag };

    public static CommandDescription Command { get; } = new(
        "pii",
        "Detect sensitive data (Glue's Detect PII: names, emails, phone, card, social security and other US identifiers) in a catalog table, or in a notebook a DataFrame variable: classify its columns, and detect, redact, partly redact or hash each entity.",
        [Source, Table, EntityTypes, Action, SampleFraction, ThresholdFraction, As, Output, Record, CommonOptions.Catalog, CommonOptions.JsonOwnShape]);
}
