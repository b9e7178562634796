using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Endpoints;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Libraries;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of script libraries and development endpoints.</summary>
internal static class LibraryViews
{
    private static readonly string[] LibraryHeader = ["library", "version", "kind", "source", "content", "exported types", "NuGet dependencies"];

    public static string Attached(IReadOnlyList<ScriptLibrary> added, IReadOnlyList<ScriptLibrary> all) =>
        new HtmlTable()
            .Heading($"Attached to the C# kernel: {(added.Count == 0 ? "nothing new (already attached)" : string.Join(", ", added.Select(l => l.Name)))}")
            .Table(LibraryHeader, all.Select(Row))
            .Paragraph("Use them in later C# cells, e.g. " + string.Join(" ", all.SelectMany(l => Namespaces(l)).Distinct().Select(n => $"using {n};")))
            .ToString();

    public static string Libraries(IReadOnlyList<ScriptLibrary> attached, IEnumerable<EndpointKernel> endpoints, LibraryOptions options)
    {
        var html = new HtmlTable().Heading("C# kernel (csharp)");
        html = attached.Count == 0
            ? html.Paragraph("No libraries attached: #!attach-library <path>[,<path>...] takes .cs files, .zip archives, .dll and .nupkg files and nuget:<id>,<version>.")
            : html.Table(LibraryHeader, attached.Select(Row));
        foreach (var endpoint in endpoints.Where(e => e.IsRunning).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            html = html.Heading($"Endpoint {endpoint.Name} (#!{endpoint.Name})");
            html = endpoint.Libraries.Count == 0 ? html.Paragraph("No libraries.") : html.Table(LibraryHeader, endpoint.Libraries.Select(Row));
        }

        return html
            .Paragraph($"Builds are cached in {options.CacheFolder}; those unused for {options.CacheMaxAge.TotalDays:0} days are removed when DevEndpoint loads, except those of stored endpoints. "
                + $"NuGet dependencies are restored into {options.PackagesFolder} (NuGet's packages folder: dotnet nuget locals global-packages --clear empties it).")
            .ToString();
    }

    public static string Endpoints(string folder, IReadOnlyList<EndpointDefinition> definitions, IReadOnlyDictionary<string, EndpointKernel> running) =>
        new HtmlTable()
            .Heading($"Endpoints in {folder}")
            .Table(
                ["endpoint", "state", "libraries", "catalog", "created"],
                definitions.Select(d => new[]
                {
                    d.Name,
                    running.TryGetValue(d.Name, out var kernel) && kernel.IsRunning ? $"running here (#!{d.Name})" : $"not connected (#!endpoint connect {d.Name})",
                    string.Join(", ", d.Libraries.Select(Path.GetFileName)),
                    d.Catalog ?? "default",
                    d.CreatedOn.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                }))
            .Paragraph(definitions.Count == 0
                ? "No endpoints yet: #!endpoint create <name> [--libraries <path>[,<path>...]] [--catalog <file>]."
                : "Run a cell in an endpoint by starting it with #!<name>.")
            .ToString();

    public static string Status(EndpointKernel endpoint, string? headline = null)
    {
        var html = new HtmlTable()
            .Heading(headline ?? $"Endpoint {endpoint.Name}: {(endpoint.IsRunning ? "running" : "deleted")}")
            .Table(
                ["", ""],
                [
                    ["kernel", $"#!{endpoint.Name} (C#)"],
                    ["catalog", $"{endpoint.Definition.Catalog ?? $"{DataCatalog.DefaultPath} (the default)"}, as the variable {EndpointKernel.CatalogVariable}"],
                    ["session", $"{endpoint.Sessions} started in this notebook, the current one at {endpoint.SessionStarted:HH:mm:ss}"],
                    ["variables", endpoint.Variables.Count == 0 ? "none" : string.Join(", ", endpoint.Variables)],
                    ["created", endpoint.Definition.CreatedOn.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)],
                ]);
        return (endpoint.Libraries.Count == 0 ? html.Paragraph("No libraries.") : html.Table(LibraryHeader, endpoint.Libraries.Select(Row))).ToString();
    }

    public static string Help(IEnumerable<(string Magic, string Description, string Example)> magics) =>
        new HtmlTable()
            .Heading("DevEndpoint magic commands")
            .Table(["magic", "what it does", "example"], magics.Select(m => new[] { m.Magic, m.Description, m.Example }))
            .ToString();

    private static string[] Row(ScriptLibrary library) =>
    [
        library.Name,
        library.Version ?? string.Empty,
        library.Kind switch
        {
            LibraryKind.SourceFile => "source file",
            LibraryKind.SourceArchive => "zip archive",
            LibraryKind.Assembly => "assembly",
            _ => "NuGet package",
        },
        library.Source,
        library.ShortHash,
        string.Join(", ", library.ExportedTypes),
        string.Join(", ", library.Dependencies),
    ];

    private static IEnumerable<string> Namespaces(ScriptLibrary library) =>
        library.ExportedTypes.Where(t => t.Contains('.', StringComparison.Ordinal)).Select(t => t[..t.LastIndexOf('.')]);
}
