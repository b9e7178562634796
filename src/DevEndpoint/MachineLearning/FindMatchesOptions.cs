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
