namespace DevEndpoint.Catalog;

/// <summary>Glue's <c>GrokClassifier</c>: files every sampled line of which matches a grok pattern, one record per line.</summary>
public sealed record GrokCustomClassifier : CustomClassifier
{
    /// <summary>The classification given to matching files, e.g. <c>app_log</c>.</summary>
    public override required string Classification { get; init; }

    /// <summary>The pattern, <c>%{PATTERN:field:type}</c> references and regular expressions, matching one whole line.</summary>
    public required string GrokPattern { get; init; }

    /// <summary>Extra named patterns the grok pattern can use, one per line: <c>NAME regular-expression</c>.</summary>
    public string? CustomPatterns { get; init; }

    public override string Describe() =>
        CustomPatterns is { Length: > 0 } ? $"{GrokPattern} (custom patterns: {CustomPatterns.ReplaceLineEndings("; ")})" : GrokPattern;
}
