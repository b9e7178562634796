namespace DevEndpoint.Commands;

/// <summary>
/// <c>#!ml create|labeling-set|import-labels|evaluate|find-matches|list|show|delete</c> and the same subcommands of
/// <c>devendpoint ml</c>. A notebook puts labelling sets and matches into DataFrame variables, so there a file is
/// optional where the command line needs one.
/// </summary>
internal static class MLDescriptions
{
    public static OptionDescription Source { get; } = new("--source", "The catalog table whose records are matched, as <database>.<table> (several sources unioned into one table for record linkage).")
    {
        Required = true,
    };

    public static OptionDescription PrimaryKey { get; } = new("--primary-key", "The column that identifies each record (unique on every row).") { Required = true };

    public static OptionDescription SourceColumn { get; } = new("--source-column", "For record linkage: the column that names each record's source when the table holds several sources unioned (at least two values). Only records of different sources are then compared and matched, and an entity holds at most one record of each source. Without it, duplicates are found within the whole table.");

    public static OptionDescription PrecisionRecall { get; } = new("--precision-recall", "0..1 (default 0.5): towards 1 fewer, surer matches (precision), towards 0 more matches (recall).")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription AccuracyCost { get; } = new("--accuracy-cost", "0..1 (default 0.5): towards 1 more candidate pairs are compared (accuracy, slower), towards 0 fewer (cost).")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription EnforceProvidedLabels { get; } = new("--enforce-provided-labels", "Keep labelled records together or apart as their labels say, whatever the model thinks.")
    {
        Value = OptionValue.Flag,
    };

    public static OptionDescription LabelingAs { get; } = new("--as", "The name of the C# variable that receives the labelling set as a DataFrame; fill in its label column and import it with #!ml import-labels <name> --from <variable>.")
    {
        Required = true,
        Fronts = Fronts.Magic,
    };

    /// <summary>Required on the command line; in a notebook the labelling set goes to a variable, and also to this file when given.</summary>
    public static OptionDescription LabelingOutput { get; } = new("--output", "The CSV file the labelling set is written to (labeling_set_id, label, then the table's columns).")
    {
        Required = true,
        Value = OptionValue.File,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription LabelingOutputFile { get; } = LabelingOutput with { Required = false, Fronts = Fronts.Magic };

    public static OptionDescription Seed { get; } = new("--seed", "The seed of the random choices (default 42): the same seed and labels give the same labelling set.")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription LabelsFrom { get; } = new("--from", "The C# variable holding the labelled DataFrame (as #!ml labeling-set --as put it, with its label column filled in).")
    {
        Fronts = Fronts.Magic,
    };

    /// <summary>Required on the command line; a notebook takes it or <see cref="LabelsFrom"/>.</summary>
    public static OptionDescription LabelsInput { get; } = new("--input", "The labelled CSV file (labeling_set_id, label, then the table's columns).")
    {
        Required = true,
        Value = OptionValue.File,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription LabelsInputFile { get; } = LabelsInput with { Required = false, Fronts = Fronts.Magic };

    public static OptionDescription Replace { get; } = new("--replace", "Replace every label of the transform instead of adding to them.") { Value = OptionValue.Flag };

    public static OptionDescription MatchesAs { get; } = new("--as", "The name of the C# variable that receives the matches as a DataFrame (write it with #!write like any DataFrame).")
    {
        Required = true,
        Fronts = Fronts.Magic,
    };

    /// <summary>Required on the command line; in a notebook the matches go to a variable, and also to this file when given.</summary>
    public static OptionDescription MatchesOutput { get; } = new("--output", "The CSV file the matches are written to: the table's columns plus match_id (same id = same entity).")
    {
        Required = true,
        Value = OptionValue.File,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription MatchesOutputFile { get; } = MatchesOutput with { Required = false, Fronts = Fronts.Magic };

    public static OptionDescription OnePerEntity { get; } = new("--one-per-entity", "Keep one record per entity: the one with the lowest primary key.") { Value = OptionValue.Flag };

    public static OptionDescription Incremental { get; } = new("--incremental", "New records to match against --existing (Glue's FindIncrementalMatches): a catalog table <database>.<table> with the source table's columns, in a notebook also a DataFrame variable. Existing records keep their match_id; a new record joins the entity it matches best or gets a new id.");

    public static OptionDescription Existing { get; } = new("--existing", "With --incremental: the records matched before, as an earlier find-matches wrote them (the table's columns plus match_id): a CSV file, in a notebook a DataFrame variable.");

    public static CommandDescription Group { get; } = new(
        "ml",
        "Machine-learning transforms (Glue's FindMatches): label a few sets of records, then find the records of one entity.",
        []);

    public static CommandDescription Create { get; } = new(
        "ml create",
        "Create a FindMatches transform over a catalog table.",
        [Name("The transform's name: letters, digits, underscores, hyphens and dots."), Source, PrimaryKey, SourceColumn, PrecisionRecall, AccuracyCost, EnforceProvidedLabels, CommonOptions.Catalog]);

    public static CommandDescription LabelingSet { get; } = new(
        "ml labeling-set",
        "Generate a labelling set for you to fill in its label column: about 10 sets of up to 10 records not labelled yet, written to a CSV file (in a notebook: put into a DataFrame variable, and written to a file with --output).",
        [Name("The transform."), LabelingAs, LabelingOutput, LabelingOutputFile, Seed, CommonOptions.Catalog])
    {
        NeedsDynamicCode = true, // from the second round on, it trains a model to pick the records it is least sure about
    };

    public static CommandDescription ImportLabels { get; } = new(
        "ml import-labels",
        "Import labels from a labelled CSV file (in a notebook also from a DataFrame variable): records of one labelling set with the same label are one entity.",
        [Name("The transform."), LabelsFrom, LabelsInput, LabelsInputFile, Replace, CommonOptions.Catalog]);

    public static CommandDescription Evaluate { get; } = new(
        "ml evaluate",
        "Estimate the quality of find-matches from the labels (Glue's FindMatchesMetrics); trains only when the labels changed since the last evaluate.",
        [Name("The transform."), CommonOptions.Catalog, CommonOptions.Json])
    {
        NeedsDynamicCode = true,
    };

    public static CommandDescription FindMatches { get; } = new(
        "ml find-matches",
        "Find the table's records with match_id (same id = same entity), or one record per entity, written to a CSV file (in a notebook: put into a DataFrame variable, and written to a file with --output); with --incremental, match new records against earlier matches.",
        [Name("The transform."), MatchesAs, MatchesOutput, OnePerEntity, MatchesOutputFile, Incremental, Existing, CommonOptions.Catalog])
    {
        NeedsDynamicCode = true,
    };

    public static CommandDescription List { get; } = new("ml list", "List the ML transforms: status, source, labels and last F1.", [CommonOptions.Catalog, CommonOptions.Json]);

    public static CommandDescription Show { get; } = new(
        "ml show",
        "Show a transform: status, parameters, label count and last metrics.",
        [Name("The transform."), CommonOptions.Catalog, CommonOptions.Json]);

    public static CommandDescription Delete { get; } = new(
        "ml delete",
        "Delete a transform with its labels and model.",
        [Name("The transform to delete, with its labels and model."), CommonOptions.Catalog]);

    /// <summary>The transform a subcommand works on: <c>--name</c> or the first value in a notebook, the argument <c>name</c> on the command line.</summary>
    private static OptionDescription Name(string help) => new("--name", help) { Positional = true, Required = true };
}
