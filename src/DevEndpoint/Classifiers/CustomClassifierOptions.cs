namespace DevEndpoint.Classifiers;

/// <summary>
/// A custom classifier as front ends take it, every setting a text (<c>--type</c>, <c>--grok-pattern</c>, ...):
/// <see cref="ToClassifier"/> checks which settings the type takes and builds the definition.
/// </summary>
public sealed record CustomClassifierOptions(string Name, string Type)
{
    public string? Classification { get; init; }

    public string? GrokPattern { get; init; }

    public string? CustomPatterns { get; init; }

    /// <summary>One character; <c>\t</c> stands for a tab.</summary>
    public string? Delimiter { get; init; }

    public string? QuoteSymbol { get; init; }

    /// <summary>Column names, comma-separated.</summary>
    public string? Header { get; init; }

    /// <summary>Glue's custom datatypes, comma-separated, e.g. <c>INT,STRING</c>.</summary>
    public string? CustomDatatypes { get; init; }

    /// <summary><c>present</c>, <c>absent</c> or <c>unknown</c>.</summary>
    public string? ContainsHeader { get; init; }

    public string? JsonPath { get; init; }

    public string? RowTag { get; init; }

    /// <summary>The definition; throws a <see cref="DevEndpointException"/> naming a missing or inapplicable setting.</summary>
    public CustomClassifier ToClassifier()
    {
        var given = new (string Option, string? Value)[]
        {
            ("--classification", Classification), ("--grok-pattern", GrokPattern), ("--custom-patterns", CustomPatterns),
            ("--delimiter", Delimiter), ("--quote", QuoteSymbol), ("--header", Header), ("--contains-header", ContainsHeader), ("--custom-datatypes", CustomDatatypes),
            ("--json-path", JsonPath), ("--row-tag", RowTag),
        }.Where(o => o.Value is not null).Select(o => o.Option);
        string[] takes = Type.ToLowerInvariant() switch
        {
            "grok" => ["--classification", "--grok-pattern", "--custom-patterns"],
            "csv" => ["--delimiter", "--quote", "--header", "--contains-header", "--custom-datatypes"],
            "json" => ["--json-path"],
            "xml" => ["--classification", "--row-tag"],
            _ => throw new DevEndpointException($"'{Type}' is not a classifier type. Use grok, csv, json or xml."),
        };
        var type = Type.ToLowerInvariant();
        if (given.Except(takes).ToList() is { Count: > 0 } extra)
        {
            throw new DevEndpointException($"A {type} classifier does not take {string.Join(", ", extra)}. It takes {string.Join(", ", takes)}.");
        }

        return type switch
        {
            "grok" => new GrokCustomClassifier
            {
                Name = Name,
                Classification = Required(type, "--classification", Classification),
                GrokPattern = Required(type, "--grok-pattern", GrokPattern),
                CustomPatterns = CustomPatterns,
            },
            "csv" => new CsvCustomClassifier
            {
                Name = Name,
                Delimiter = Delimiter?.Replace("\\t", "\t", StringComparison.Ordinal) ?? ",",
                QuoteSymbol = QuoteSymbol ?? "\"",
                Header = List(Header),
                ContainsHeader = ParseContainsHeader(ContainsHeader),
                CustomDatatypes = List(CustomDatatypes),
            },
            "json" => new JsonCustomClassifier { Name = Name, JsonPath = Required(type, "--json-path", JsonPath) },
            _ => new XmlCustomClassifier { Name = Name, Classification = Required(type, "--classification", Classification), RowTag = Required(type, "--row-tag", RowTag) },
        };
    }

    private static List<string> List(string? commaSeparated) => commaSeparated?.Split(',').Select(h => h.Trim()).ToList() ?? [];

    private static string Required(string type, string option, string? value) =>
        value ?? throw new DevEndpointException($"A {type} classifier needs {option}.");

    private static CsvHeader ParseContainsHeader(string? value) => value?.ToLowerInvariant() switch
    {
        null or "unknown" => CsvHeader.Unknown,
        "present" => CsvHeader.Present,
        "absent" => CsvHeader.Absent,
        _ => throw new DevEndpointException($"'{value}' is not a --contains-header value. Use present, absent or unknown."),
    };
}
