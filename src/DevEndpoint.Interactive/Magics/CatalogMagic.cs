using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!catalog</c> (databases), <c>#!catalog &lt;db&gt;</c> (tables), <c>#!catalog &lt;db&gt;.&lt;table&gt; [--page n]</c> (columns,
/// partitions a page at a time, parameters), <c>#!catalog --runs [&lt;db&gt;]</c> (crawl history).
/// </summary>
public sealed class CatalogMagic : KernelDirectiveCommand
{
    public string? Name { get; set; }

    public bool Runs { get; set; }

    public int? Page { get; set; }

    public string? Catalog { get; set; }

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!catalog", "Browse the catalog: no argument lists databases, <db> lists its tables, <db>.<table> shows columns, partitions and parameters, --runs [<db>] the crawl history.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--name", "A database (sales) or a table (sales.orders).") { AllowImplicitName = true }
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: false).Concat(MagicSupport.CatalogNames(tables: true))),
                new KernelDirectiveParameter("--runs", "Show the crawl runs, newest first, of the database named (default: all): files listed and scanned, bytes read, table changes, duration, skipped files.") { Flag = true },
                new KernelDirectiveParameter("--page", $"Which page of a table's partitions to show, {CatalogViews.PartitionsPerPage} a page (default: 1).") { TypeHint = "number" },
                MagicSupport.CatalogParameter(),
            },
        };
        kernel.AddDirective<CatalogMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(CatalogMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var catalog = DataCatalog.Open(command.Catalog);
            var name = command.Name?.Trim();
            var html = command.Runs ? CatalogViews.CrawlRuns(string.IsNullOrEmpty(name) ? catalog.GetCrawlRuns() : catalog.GetCrawlRuns(name))
                : string.IsNullOrEmpty(name) ? CatalogViews.Databases(catalog, catalog.GetDatabases())
                : name.Contains('.', StringComparison.Ordinal) ? TableView(catalog, TableName.Parse(name), command.Page ?? 1)
                : CatalogViews.Tables(TableName.Normalize(name), catalog.GetTables(name));
            MagicSupport.DisplayHtml(context, html);
            return Task.CompletedTask;
        });

    private static string TableView(DataCatalog catalog, TableName name, int page)
    {
        var table = catalog.GetTable(name);
        var partitions = catalog.GetPartitions(name);
        var pages = Math.Max(1, (partitions.Count + CatalogViews.PartitionsPerPage - 1) / CatalogViews.PartitionsPerPage);
        if (page < 1 || page > pages)
        {
            throw new DevEndpointException(
                $"{name} has {partitions.Count} partitions, {pages} pages of {CatalogViews.PartitionsPerPage}: give --page 1{(pages == 1 ? string.Empty : $" to {pages}")}.");
        }

        return CatalogViews.Table(table, partitions, page);
    }
}
