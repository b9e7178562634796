using System.Text.Json.Serialization;

namespace DevEndpoint.Catalog;

/// <summary>
/// A machine-learning transform kept in the catalog, in Glue's <c>MLTransform</c> shape and field names: a FindMatches
/// transform over one catalog table, its parameters, status, label count and last evaluation.
/// </summary>
public sealed record MLTransform
{
    /// <summary>Glue's <c>TransformStatusType</c> of a transform without a trained model.</summary>
    public const string NotReady = "NOT_READY";

    /// <summary>Glue's <c>TransformStatusType</c> of a transform whose model is trained on its current labels.</summary>
    public const string Ready = "READY";

    /// <summary>Glue's only <c>TransformType</c>.</summary>
    public const string FindMatchesType = "FIND_MATCHES";

    public required string TransformId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public string Status { get; init; } = NotReady;

    public DateTimeOffset CreatedOn { get; init; }

    public DateTimeOffset LastModifiedOn { get; init; }

    public IReadOnlyList<GlueTable> InputRecordTables { get; init; } = [];

    public required TransformParameters Parameters { get; init; }

    public EvaluationMetrics? EvaluationMetrics { get; init; }

    public int LabelCount { get; init; }

    /// <summary>The columns of the source table when the transform was created (Glue's <c>TransformSchema</c>).</summary>
    public IReadOnlyList<SchemaColumn> Schema { get; init; } = [];

    /// <summary>The source table (the first input record table).</summary>
    [JsonIgnore]
    public TableName Source => new(InputRecordTables[0].DatabaseName, InputRecordTables[0].TableName);

    /// <summary>The FindMatches parameters (every transform has them).</summary>
    [JsonIgnore]
    public FindMatchesParameters FindMatches => Parameters.FindMatchesParameters;
}

/// <summary>A catalog table a transform reads (Glue's <c>GlueTable</c>).</summary>
public sealed record GlueTable(string DatabaseName, string TableName);

/// <summary>Glue's <c>TransformParameters</c>.</summary>
public sealed record TransformParameters(string TransformType, FindMatchesParameters FindMatchesParameters);

/// <summary>
/// Glue's <c>FindMatchesParameters</c>: the primary-key column and the two trade-offs (0..1, 0.5 when not given); plus two
/// members of DevEndpoint's own, each written only when the user chose it (so a transform keeps Glue's shape otherwise, and
/// catalogs written before them still read): whether blocking is semantic (when not the default Auto), and the column that
/// names each record's source when the table holds several sources unioned (a record-linkage task: only records of
/// different sources are compared and matched; null: one source, deduplication).
/// </summary>
public sealed record FindMatchesParameters(
    string PrimaryKeyColumnName,
    double PrecisionRecallTradeoff = 0.5,
    double AccuracyCostTradeoff = 0.5,
    bool EnforceProvidedLabels = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] SemanticBlocking SemanticBlocking = SemanticBlocking.Auto,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceColumnName = null);

/// <summary>
/// Whether blocking adds each record's nearest records in meaning, from a local sentence-embedding model (not part of
/// Glue's parameters). Auto: for tables of up to 2,500 records, when the package DevEndpoint.Embeddings is there; On:
/// always, failing when the package is not there; Off: never.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SemanticBlocking>))]
public enum SemanticBlocking
{
    Auto,
    On,
    Off,
}

/// <summary>Glue's <c>EvaluationMetrics</c>.</summary>
public sealed record EvaluationMetrics(string TransformType, FindMatchesMetrics FindMatchesMetrics);

/// <summary>Glue's <c>FindMatchesMetrics</c>: the quality of find-matches' output, estimated from the labels alone.</summary>
public sealed record FindMatchesMetrics(
    double AreaUnderPRCurve,
    double Precision,
    double Recall,
    double F1,
    ConfusionMatrix ConfusionMatrix,
    IReadOnlyList<ColumnImportance> ColumnImportances);

/// <summary>Glue's <c>ConfusionMatrix</c>: expected counts of the pairs of records find-matches decides on (see evaluate).</summary>
public sealed record ConfusionMatrix(long NumTruePositives, long NumFalsePositives, long NumTrueNegatives, long NumFalseNegatives);

/// <summary>Glue's <c>ColumnImportance</c>: how much a column weighs in the decision, 0..1.</summary>
public sealed record ColumnImportance(string ColumnName, double Importance);

/// <summary>Glue's <c>SchemaColumn</c>.</summary>
public sealed record SchemaColumn(string Name, string DataType);

/// <summary>One labelled record of a transform: in a labelling set, records with the same label are one entity.</summary>
public sealed record MLTransformLabel(string LabelingSetId, string Label, string RecordKey);

/// <summary>
/// A transform's trained model: the ML.NET model bytes, the settings it was trained with (JSON), when it was trained, and
/// the metrics evaluate estimated for it (null until evaluate runs on it).
/// </summary>
public sealed record MLTransformModel(byte[] Model, string Settings, DateTimeOffset TrainedOn, FindMatchesMetrics? Metrics = null);
