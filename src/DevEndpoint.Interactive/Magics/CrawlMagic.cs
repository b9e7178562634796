using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!crawl &lt;folder&gt; --database &lt;db&gt; [--exclude &lt;glob&gt;[,&lt;glob&gt;...]] [--catalog &lt;file&gt;]</c>.</summary>
public sealed class CrawlMagic : KernelDirectiveCommand
{
    public string Path { get; set; } = string.Empty;

    public string Database { get; set; } = string.Empty;

    public string? Exclude { get; set; }

    public string? Catalog { get; set; }

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!crawl", "Crawl a folder: classify its files (CSV, JSON lines, Parquet, gzip), infer schemas and Hive partitions, and record tables in the catalog.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--path", "The folder to crawl, e.g. data/sales.") { AllowImplicitName = true, Required = true, TypeHint = "file" },
                new KernelDirectiveParameter("--database", "The catalog database that receives the tables (created when missing).") { Required = true }
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: false)),
                new KernelDirectiveParameter("--exclude", "Globs of files or folders to leave out, relative to the folder, separated by commas: * one level, ** any depth, {a,b} either; e.g. \"**/*.tmp,logs/**\"."),
                MagicSupport.CatalogParameter(),
            },
        };
        kernel.AddDirective<CrawlMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(CrawlMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var catalog = DataCatalog.Open(command.Catalog);
            var display = MagicSupport.DisplayHtml(context, CatalogViews.CrawlProgress(command.Path, new CrawlProgress(0, 0, null)));
            var progress = new ThrottledDisplay<CrawlProgress>(display, p => CatalogViews.CrawlProgress(command.Path, p));
            var result = await new Crawler(catalog).CrawlAsync(
                new CrawlOptions { Path = command.Path, Database = command.Database, Exclusions = command.Exclude is null ? [] : Glob.SplitList(command.Exclude) },
                progress,
                context.CancellationToken);
            progress.Complete(CatalogViews.CrawlSummary(result));
        });
}
