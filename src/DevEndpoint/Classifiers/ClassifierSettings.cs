using DevEndpoint.Catalog;

namespace DevEndpoint.Classifiers;

/// <summary>One setting of <c>classifier add</c>: its option name and help text, shared by the command line and the magic.</summary>
internal sealed record ClassifierSetting(string Option, string Description);

/// <summary>
/// A custom classifier as front ends take it: a name, a type and text settings by option name (<c>--grok-pattern</c>, ...).
/// <see cref="Create"/> checks which settings the type takes and builds the definition.
/// </summary>
internal static class ClassifierSettings
{
    public static ClassifierSetting Type { get; } = new("--type", "grok, csv, json or xml.");

    /// <summary>Every setting but <see cref="Type"/>, in the order help lists them.</summary>
    public static IReadOnlyList<ClassifierSetting> All { get; } =
    [
        new("--classification", "grok and xml: the classification given to matching files, e.g. app_log."),
        new("--grok-pattern", "grok: the pattern one whole line matches, e.g. \"%{IP:client} %{WORD:method} %{INT:status:int}\"."),
        new("--custom-patterns", "grok: extra named patterns, one per line: NAME regular-expression."),
        new("--delimiter", "csv: the character between fields (default ,; \\t for a tab)."),
        new("--quote", "csv: the character that quotes a field (default \")."),
        new("--header", "csv: the column names, comma-separated (default: from the header row, else col0, col1, ...)."),
        new("--contains-header", "csv: whether the first row is a header: present, absent or unknown (default; detected)."),
        new("--custom-datatypes", "csv: the only types columns may take, comma-separated: BINARY, BOOLEAN, DATE, DECIMAL, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP."),
        new("--json-path", "json: the array whose objects are the records: $[*] or $.name[*]."),
        new("--row-tag", "xml: the element that holds one record, e.g. row for <row>...</row>."),
    ];

    /// <summary>The definition; throws a <see cref="DevEndpointException"/> naming an unknown type, or a missing or inapplicable setting.</summary>
    public static CustomClassifier Create(string name, string type, IReadOnlyDictionary<string, string?> settings)
    {
        string[] takes = type.ToLowerInvariant() switch
        {
            "grok" => ["--classification", "--grok-pattern", "--custom-patterns"],
            "csv" => ["--delimiter", "--quote", "--header", "--contains-header", "--custom-datatypes"],
            "json" => ["--json-path"],
            "xml" => ["--classification", "--row-tag"],
            _ => throw new DevEndpointException($"'{type}' is not a classifier type. Use grok, csv, json or xml."),
        };
        type = type.ToLowerInvariant();
        var kind = $"{(type == "xml" ? "An" : "A")} {type} classifier";
        var given = settings.Where(s => s.Value is not null).Select(s => s.Key).ToList();
        if (given.Except(takes).ToList() is { Count: > 0 } extra)
        {
            throw new DevEndpointException($"{kind} does not take {string.Join(", ", extra)}. It takes {string.Join(", ", takes)}.");
        }

        string? Value(string option) => settings.GetValueOrDefault(option);
        string Required(string option) => Value(option) ?? throw new DevEndpointException($"{kind} needs {option}.");
        List<string> List(string option) => Value(option)?.Split(',').Select(h => h.Trim()).ToList() ?? [];
        return type switch
        {
            "grok" => new GrokCustomClassifier
            {
                Name = name,
                Classification = Required("--classification"),
                GrokPattern = Required("--grok-pattern"),
                CustomPatterns = Value("--custom-patterns"),
            },
            "csv" => new CsvCustomClassifier
            {
                Name = name,
                Delimiter = Value("--delimiter")?.Replace("\\t", "\t", StringComparison.Ordinal) ?? ",",
                QuoteSymbol = Value("--quote") ?? "\"",
                Header = List("--header"),
                ContainsHeader = ParseContainsHeader(Value("--contains-header")),
                CustomDatatypes = List("--custom-datatypes"),
            },
            "json" => new JsonCustomClassifier { Name = name, JsonPath = Required("--json-path") },
            _ => new XmlCustomClassifier { Name = name, Classification = Required("--classification"), RowTag = Required("--row-tag") },
        };
    }

    private static CsvHeader ParseContainsHeader(string? value) => value?.ToLowerInvariant() switch
    {
        null or "unknown" => CsvHeader.Unknown,
        "present" => CsvHeader.Present,
        "absent" => CsvHeader.Absent,
        _ => throw new DevEndpointException($"'{value}' is not a --contains-header value. Use present, absent or unknown."),
    };
}
