namespace DevEndpoint.MachineLearning.Pii;

/// <summary>Which entity types to find, how columns are classified and what to do with what is found.</summary>
public sealed record PiiOptions
{
    /// <summary>The entity types to find (see <see cref="PiiEntityTypes"/>). Default: all 19.</summary>
    public IReadOnlyList<string> EntityTypes { get; init; } = PiiEntityTypes.All;

    /// <summary>What to do with the entities found. Default <see cref="PiiAction.Detect"/>.</summary>
    public PiiAction Action { get; init; } = PiiAction.Detect;

    /// <summary>
    /// The share of rows (0 &lt; f &lt;= 1) whose values classify the columns, as Glue's sample portion; at least
    /// <see cref="MinimumSampleRows"/> rows are sampled (every row of a smaller table). Default 0.1.
    /// </summary>
    public double SampleFraction { get; init; } = 0.1;

    /// <summary>
    /// A column is classified as an entity type when at least this share (0 &lt; f &lt;= 1) of its sampled non-null values
    /// hold an entity of that type, as Glue's detection threshold. Default 0.1.
    /// </summary>
    public double ThresholdFraction { get; init; } = 0.1;

    /// <summary>The fewest rows the column classification samples. Default 100.</summary>
    public int MinimumSampleRows { get; init; } = 100;

    /// <summary>The seed that picks the sampled rows: the same rows for the same seed. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>What <see cref="PiiAction.Redact"/> writes in place of an entity. Default <c>*******</c>.</summary>
    public string RedactText { get; init; } = "*******";

    /// <summary>How many letters and digits at the end of an entity <see cref="PiiAction.PartialRedact"/> keeps. Default 4.</summary>
    public int KeepLast { get; init; } = 4;

    /// <summary>Reads an action as a user typed it: <c>detect</c>, <c>redact</c>, <c>partial-redact</c> or <c>sha256-hash</c> (Glue's <c>PARTIAL_REDACT</c> too).</summary>
    public static PiiAction ParseAction(string text) => text.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "detect" => PiiAction.Detect,
        "redact" => PiiAction.Redact,
        "partial-redact" => PiiAction.PartialRedact,
        "sha256-hash" => PiiAction.Sha256Hash,
        _ => throw PiiErrors.UnknownAction(text),
    };

    /// <summary>Reads a fraction greater than 0 and at most 1 as a user typed it, for the option named <paramref name="option"/>.</summary>
    public static double ParseFraction(string text, string option) =>
        double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and <= 1
            ? fraction
            : throw PiiErrors.BadFraction(option, text);

    internal void Validate()
    {
        if (SampleFraction is not (> 0 and <= 1))
        {
            throw PiiErrors.BadFraction("--sample-fraction", SampleFraction.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ThresholdFraction is not (> 0 and <= 1))
        {
            throw PiiErrors.BadFraction("--threshold-fraction", ThresholdFraction.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (EntityTypes.FirstOrDefault(t => !PiiEntityTypes.All.Contains(t)) is { } unknown)
        {
            throw PiiErrors.UnknownEntityType(unknown);
        }
    }
}
