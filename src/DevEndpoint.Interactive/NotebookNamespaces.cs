using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;

namespace DevEndpoint.Interactive;

/// <summary>
/// The namespaces a notebook's C# cells use without a <c>using</c> line: the DataFrame, and the DevEndpoint API a cell
/// calls (catalog, crawling, loading, frames, transforms, writing, jobs), so that <c>orders.ApplyMapping(...)</c> works
/// in the first cell. No two of them name a type alike (a test checks), so importing them all is never ambiguous.
/// </summary>
internal static class NotebookNamespaces
{
    public static IReadOnlyList<string> All { get; } =
    [
        typeof(DataFrame).Namespace!,
        typeof(DevEndpointException).Namespace!,
        typeof(Catalog.DataCatalog).Namespace!,
        typeof(Crawling.Crawler).Namespace!,
        typeof(Loading.TableLoader).Namespace!,
        typeof(Frames.FrameSummary).Namespace!,
        typeof(Transforms.FrameTransforms).Namespace!,
        typeof(Writing.FrameWriter).Namespace!,
        typeof(Jobs.JobBookmarks).Namespace!,
    ];

    /// <summary>The <c>using</c> directives, one per line: fixed text, never built from user input.</summary>
    public static string Usings => string.Concat(All.Select(n => $"using {n};\n"));

    /// <summary>Imports the namespaces into <paramref name="csharp"/> before the next command it runs (the cell after the one that loaded the extension).</summary>
    public static void ImportBeforeNextCell(CSharpKernel csharp) => csharp.DeferCommand(new SubmitCode(Usings));
}
