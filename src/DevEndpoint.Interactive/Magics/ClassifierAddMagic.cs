using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!classifier add &lt;name&gt; --type grok|csv|json|xml [--classification ...] [--grok-pattern ...] [--custom-patterns ...]
/// [--delimiter ...] [--quote ...] [--header a,b] [--contains-header present|absent|unknown]
/// [--custom-datatypes INT,STRING,...] [--json-path ...] [--row-tag ...] [--catalog &lt;file&gt;]</c>.
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

    internal static Task HandleAsync(ClassifierAddMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var classifier = ClassifierSettings.Create(command.Name, command.Type, new Dictionary<string, string?>
            {
                ["--classification"] = command.Classification,
                ["--grok-pattern"] = command.GrokPattern,
                ["--custom-patterns"] = command.CustomPatterns,
                ["--delimiter"] = command.Delimiter,
                ["--quote"] = command.Quote,
                ["--header"] = command.Header,
                ["--contains-header"] = command.ContainsHeader,
                ["--custom-datatypes"] = command.CustomDatatypes,
                ["--json-path"] = command.JsonPath,
                ["--row-tag"] = command.RowTag,
            });
            var catalog = DataCatalog.Open(command.Catalog);
            catalog.Update(u => u.PutClassifier(classifier));
            ClassifierMagic.DisplayList(context, catalog);
            return Task.CompletedTask;
        });
}
