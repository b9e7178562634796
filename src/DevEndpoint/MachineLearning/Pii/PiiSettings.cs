namespace DevEndpoint.MachineLearning.Pii;

/// <summary>One option of <c>pii</c>: its name and help text, shared by the command line and the magic.</summary>
internal sealed record PiiSetting(string Option, string Description);

/// <summary>The options of <c>devendpoint pii</c> and <c>#!pii</c>, and how their text becomes <see cref="PiiOptions"/>.</summary>
internal static class PiiSettings
{
    public static PiiSetting EntityTypes { get; } = new(
        "--entity-types",
        "The entity types to find, comma-separated (default ALL): " + string.Join(", ", PiiEntityTypes.All) + ".");

    public static PiiSetting Action { get; } = new(
        "--action",
        "detect (default: report each entity's column, row, offset and type), redact (replace it by *******), partial-redact (mask all but its last 4 letters or digits) or sha256-hash (replace it by the hex SHA-256 of its text).");

    public static PiiSetting SampleFraction { get; } = new(
        "--sample-fraction",
        "The share of rows, 0 < f <= 1, whose values classify the columns (default 0.1; at least 100 rows, or all of a smaller table).");

    public static PiiSetting ThresholdFraction { get; } = new(
        "--threshold-fraction",
        "A column is classified as a type when at least this share, 0 < f <= 1, of its sampled values hold one (default 0.1).");

    public static PiiSetting Record { get; } = new(
        "--record",
        $"Record the types each column is classified as in its catalog column parameter {SensitiveData.EntityTypesParameter} (a catalog table only).");

    public static PiiSetting DetectPii { get; } = new(
        "--detect-pii",
        $"After the crawl, classify each table's columns by the sensitive data they hold (names, emails, card and other identifiers; 10% of rows, at least 100) and record the types in the column parameter {SensitiveData.EntityTypesParameter}.");

    /// <summary>The options from the text a user typed; <c>null</c> takes the default. Bad text is an error saying what to type.</summary>
    public static PiiOptions Create(string? entityTypes, string? action, string? sampleFraction, string? thresholdFraction)
    {
        var defaults = new PiiOptions();
        return new PiiOptions
        {
            EntityTypes = PiiEntityTypes.Parse(entityTypes),
            Action = action is null ? defaults.Action : PiiOptions.ParseAction(action),
            SampleFraction = sampleFraction is null ? defaults.SampleFraction : PiiOptions.ParseFraction(sampleFraction, SampleFraction.Option),
            ThresholdFraction = thresholdFraction is null ? defaults.ThresholdFraction : PiiOptions.ParseFraction(thresholdFraction, ThresholdFraction.Option),
        };
    }
}
