namespace DevEndpoint.MachineLearning;

/// <summary>How a FindMatches transform is created; every trade-off is 0..1.</summary>
public sealed record FindMatchesOptions
{
    /// <summary>0.5 (default) no preference; towards 1 fewer, surer matches (precision); towards 0 more matches (recall).</summary>
    public double PrecisionRecallTradeoff { get; init; } = 0.5;

    /// <summary>0.5 (default); towards 1 blocking keeps more candidate pairs (accuracy, slower); towards 0 fewer (cost).</summary>
    public double AccuracyCostTradeoff { get; init; } = 0.5;

    /// <summary>Whether find-matches keeps labelled records together or apart as their labels say, whatever the model thinks.</summary>
    public bool EnforceProvidedLabels { get; init; }

    /// <summary>
    /// Auto (default): blocking also pairs records close in meaning (a local sentence-embedding model over their short
    /// text columns) for tables of up to 2,500 records, when the package DevEndpoint.Embeddings is loaded; On: at any size,
    /// failing when it is not; Off: never.
    /// </summary>
    public Catalog.SemanticBlocking SemanticBlocking { get; init; } = Catalog.SemanticBlocking.Auto;

    /// <summary>
    /// The column that names each record's source when the table holds several sources unioned (record linkage: only
    /// records of different sources are compared, labelled together and matched, and an entity holds at most one record of
    /// each source); null (default): the table is one source and its duplicates are found.
    /// </summary>
    public string? SourceColumn { get; init; }

    public string? Description { get; init; }
}

/// <summary>One option of the <c>ml</c> commands: its name and help text, shared by the command line and the magics.</summary>
internal sealed record MLOption(string Name, string Description);

/// <summary>The options of the <c>ml</c> command line and <c>#!ml</c> magics, defined once.</summary>
internal static class MLOptions
{
    public static MLOption Source { get; } = new("--source", "The catalog table whose records are matched, as <database>.<table> (several sources unioned into one table for record linkage).");

    public static MLOption PrimaryKey { get; } = new("--primary-key", "The column that identifies each record (unique on every row).");

    public static MLOption PrecisionRecall { get; } = new("--precision-recall", "0..1 (default 0.5): towards 1 fewer, surer matches (precision), towards 0 more matches (recall).");

    public static MLOption AccuracyCost { get; } = new("--accuracy-cost", "0..1 (default 0.5): towards 1 more candidate pairs are compared (accuracy, slower), towards 0 fewer (cost).");

    public static MLOption SourceColumn { get; } = new("--source-column", "For record linkage: the column that names each record's source when the table holds several sources unioned (at least two values). Only records of different sources are then compared and matched, and an entity holds at most one record of each source. Without it, duplicates are found within the whole table.");

    public static MLOption EnforceProvidedLabels { get; } = new("--enforce-provided-labels", "Keep labelled records together or apart as their labels say, whatever the model thinks.");

    public static MLOption LabelingOutput { get; } = new("--output", "The CSV file the labelling set is written to (labeling_set_id, label, then the table's columns).");

    public static MLOption LabelsInput { get; } = new("--input", "The labelled CSV file (labeling_set_id, label, then the table's columns).");

    public static MLOption Replace { get; } = new("--replace", "Replace every label of the transform instead of adding to them.");

    public static MLOption MatchesOutput { get; } = new("--output", "The CSV file the matches are written to: the table's columns plus match_id (same id = same entity).");

    public static MLOption OnePerEntity { get; } = new("--one-per-entity", "Keep one record per entity: the one with the lowest primary key.");

    public static MLOption Incremental { get; } = new("--incremental", "New records to match against --existing (Glue's FindIncrementalMatches): a catalog table <database>.<table> with the source table's columns, in a notebook also a DataFrame variable. Existing records keep their match_id; a new record joins the entity it matches best or gets a new id.");

    public static MLOption Existing { get; } = new("--existing", "With --incremental: the records matched before, as an earlier find-matches wrote them (the table's columns plus match_id): a CSV file, in a notebook a DataFrame variable.");

    public static MLOption Seed { get; } = new("--seed", "The seed of the random choices (default 42): the same seed and labels give the same labelling set.");

    /// <summary>The headings of <see cref="Row"/>.</summary>
    public static IReadOnlyList<string> Header { get; } = ["transform", "status", "source", "primary key", "labels", "F1"];

    /// <summary>A transform as lists show it.</summary>
    public static IReadOnlyList<string> Row(Catalog.MLTransform transform) =>
    [
        transform.Name,
        transform.Status,
        transform.Source.ToString(),
        transform.FindMatches.PrimaryKeyColumnName,
        transform.LabelCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        transform.EvaluationMetrics?.FindMatchesMetrics.F1.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    ];
}
