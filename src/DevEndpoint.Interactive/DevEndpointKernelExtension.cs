using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Magics;
using DevEndpoint.Interactive.Views;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive;

/// <summary>
/// Loaded by <c>#r "nuget:DevEndpoint.Interactive,..."</c>: adds the <c>#!crawl</c>, <c>#!catalog</c>, <c>#!load</c>,
/// <c>#!bookmark</c>, <c>#!generate-etl</c>, <c>#!classifier</c>, <c>#!connection</c>, <c>#!ml</c>, <c>#!pii</c>, <c>#!sql</c>, <c>#!profile</c>, <c>#!dq</c>, <c>#!fill-missing</c>, <c>#!attach-library</c>, <c>#!libraries</c>, <c>#!endpoint</c> and <c>#!devendpoint</c> magic commands and
/// lets C# cells use the DevEndpoint API and the DataFrames it loads, with its namespaces imported (see <see cref="NotebookNamespaces"/>).
/// </summary>
public sealed class DevEndpointKernelExtension : IKernelExtension
{
    private readonly string? home;

    public DevEndpointKernelExtension()
    {
    }

    /// <summary>Keeps compiled libraries and endpoint definitions under <paramref name="home"/> instead of <see cref="DevEndpointHome.DefaultPath"/>.</summary>
    internal DevEndpointKernelExtension(string home)
    {
        this.home = home;
    }

    public async Task OnLoadAsync(Kernel kernel)
    {
        var root = kernel.RootKernel;
        var csharp = root as CSharpKernel ?? (root as CompositeKernel)?.ChildKernels.OfType<CSharpKernel>().FirstOrDefault();
        csharp?.AddAssemblyReferences([typeof(DataFrame).Assembly.Location, typeof(Catalog.DataCatalog).Assembly.Location]);
        if (csharp is not null)
        {
            NotebookNamespaces.ImportBeforeNextCell(csharp);
        }

        CatalogFormatters.Register();
        CrawlMagic.Register(root);
        CatalogMagic.Register(root);
        LoadMagic.Register(root);
        WriteMagic.Register(root);
        BookmarkMagic.Register(root);
        JobMagic.Register(root);
        GenerateEtlMagic.Register(root);
        ClassifierMagic.Register(root);
        ConnectionMagic.Register(root);
        PiiMagic.Register(root);
        ProfileMagic.Register(root);
        FillMissingMagic.Register(root);
        MLMagic.Register(root);
        var cellKernels = new List<CellKernel>();
        var libraries = new LibrarySession(home ?? DevEndpointHome.DefaultPath);
        AttachLibraryMagic.Register(root, libraries);
        LibrariesMagic.Register(root, libraries);
        if (root is CompositeKernel composite)
        {
            EndpointMagic.Register(composite, libraries);
            cellKernels.Add(new CellKernel(SqlMagic.Register(composite)));
            cellKernels.Add(DataQualityMagic.Register(composite));
        }

        HelpMagic.Register(root);
        MagicSyntaxCheck.Register(root, cellKernels);

        if (KernelInvocationContext.Current is { } context)
        {
            context.DisplayAs(
                "DevEndpoint is ready: #!crawl <folder> --database <db>, #!catalog [<db>[.<table>]], #!load <db>.<table> --as <variable>, #!classifier add|list|remove, #!connection add|list|test|remove, #!ml create|labeling-set|import-labels|evaluate|find-matches, #!sql, #!profile <db>.<table>, #!dq <db>.<table>, #!attach-library, #!libraries, #!endpoint; #!devendpoint help lists them all. Catalog: " + Catalog.DataCatalog.DefaultPath,
                "text/plain");
        }

        await Task.CompletedTask;
    }
}
