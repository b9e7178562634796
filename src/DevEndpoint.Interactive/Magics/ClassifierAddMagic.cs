using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!classifier add &lt;name&gt; --type grok|csv|json|xml [--classification ...] [--grok-pattern ...] [--custom-patterns ...]
/// [--delimiter ...] [--quote ...] [--header a,b] [--contains-header present|absent|unknown]
/// [--custom-datatypes INT,STRING,...] [--json-path ...] [--row-tag ...]
/// [--catalog &lt;file&gt;]</c>.
/// </summary>
public sealed class ClassifierAddMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string? Classification { get; set; }

    public string? GrokPattern { get; set; }

    public string? CustomPatterns { get; set; }

    public string? Delimiter { get; set; }

    public string? Quote { get; set; }

    public string? Header { get; set; }

    public string? ContainsHeader { get; set; }

    public string? CustomDatatypes { get; set; }

    public string? JsonPath { get; set; }

    public string? RowTag { get; set; }

    public string? Catalog { get; set; }

    internal static IEnumerable<KernelDirectiveParameter> Parameters() =>
    [
        new("--name", "The classifier's name: letters, digits, underscores, hyphens and dots.") { AllowImplicitName = true, Required = true },
        new KernelDirectiveParameter("--type", "grok, csv, json or xml.") { Required = true }.AddCompletions(() => ["grok", "csv", "json", "xml"]),
        new("--classification", "grok and xml: the classification given to matching files, e.g. app_log."),
        new("--grok-pattern", "grok: the pattern one whole line matches, e.g. \"%{IP:client} %{WORD:method} %{INT:status:int}\"."),
        new("--custom-patterns", "grok: extra named patterns, one per line: NAME regular-expression."),
        new("--delimiter", "csv: the character between fields (default ,; \\t for a tab)."),
        new("--quote", "csv: the character that quotes a field (default \")."),
        new("--header", "csv: the column names, comma-separated (default: from the header row, else col0, col1, ...)."),
        new KernelDirectiveParameter("--contains-header", "csv: whether the first row is a header: present, absent or unknown (default; detected).")
            .AddCompletions(() => ["present", "absent", "unknown"]),
        new("--custom-datatypes", "csv: the only types columns may take, comma-separated: BINARY, BOOLEAN, DATE, DECIMAL, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP."),
        new("--json-path", "json: the array whose objects are the records: $[*] or $.name[*]."),
        new("--row-tag", "xml: the element that holds one record, e.g. row for <row>...</row>."),
        MagicSupport.CatalogParameter(),
    ];

    internal static Task HandleAsync(ClassifierAddMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var classifier = new CustomClassifierOptions(command.Name, command.Type)
            {
                Classification = command.Classification,
                GrokPattern = command.GrokPattern,
                CustomPatterns = command.CustomPatterns,
                Delimiter = command.Delimiter,
                QuoteSymbol = command.Quote,
                Header = command.Header,
                ContainsHeader = command.ContainsHeader,
                CustomDatatypes = command.CustomDatatypes,
                JsonPath = command.JsonPath,
                RowTag = command.RowTag,
            }.ToClassifier();
            var catalog = DataCatalog.Open(command.Catalog);
            catalog.Update(u => u.PutClassifier(classifier));
            ClassifierMagic.DisplayList(context, catalog);
            return Task.CompletedTask;
        });
}
