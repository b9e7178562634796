using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Sources;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!crawl &lt;folder&gt; --database &lt;db&gt; [--exclude &lt;glob&gt;[,&lt;glob&gt;...]] [--table-level &lt;n&gt;]
/// [--combine-compatible-schemas] [--new-folders-only] [--schema-change update|log] [--delete-behavior deprecate|delete|log]
/// [--sample-bytes &lt;n&gt;] [--sample-rows &lt;n&gt;] [--sample-files &lt;n&gt;] [--classifier &lt;name&gt;[,&lt;name&gt;...]] [--connection &lt;name&gt;] [--catalog &lt;file&gt;]</c> (the folder may be an
/// <c>s3://</c> prefix), and <c>#!crawl --connection &lt;name&gt; --include &lt;path&gt;[,&lt;path&gt;...] --database &lt;db&gt;</c> for a database.
/// </summary>
public sealed partial class CrawlMagic : KernelDirectiveCommand
{
    public string Path { get; set; } = string.Empty;

    public string Database { get; set; } = string.Empty;

    public string? Exclude { get; set; }

    public int? TableLevel { get; set; }

    public bool CombineCompatibleSchemas { get; set; }

    public bool NewFoldersOnly { get; set; }

    public bool DetectPii { get; set; }

    public string? SchemaChange { get; set; }

    public string? DeleteBehavior { get; set; }

    public string? Classifier { get; set; }

    public long? SampleBytes { get; set; }

    public long? SampleRows { get; set; }

    public string? SampleFiles { get; set; }

    public string? Connection { get; set; }

    public string? Include { get; set; }

    public string? Catalog { get; set; }

    internal static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(
            CrawlDescription.Command,
            (CrawlDescription.Database, () => MagicSupport.CatalogNames(tables: false)),
            (CrawlDescription.Classifier, MagicSupport.ClassifierNames),
            (CrawlDescription.Connection, MagicSupport.ConnectionNames));
        kernel.AddDirective<CrawlMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(CrawlMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var request = new CrawlRequest
            {
                Path = command.Path,
                Connection = command.Connection,
                Command = "#!crawl",
                Database = command.Database,
                Includes = Split(command.Include),
                Classifiers = Split(command.Classifier),
                TableLevel = command.TableLevel,
                CombineCompatibleSchemas = command.CombineCompatibleSchemas,
                NewFoldersOnly = command.NewFoldersOnly,
                SchemaChange = command.SchemaChange is { } change ? CrawlPolicies.ParseSchemaChange(change) : SchemaChangePolicy.Update,
                DeleteBehavior = command.DeleteBehavior is { } behavior ? CrawlPolicies.ParseDeleteBehavior(behavior) : Crawling.DeleteBehavior.Deprecate,
            };

            // A database's exclusions are a plain list; a folder's are globs, whose {a,b} alternatives hold commas.
            request = request.IsDatabase
                ? request with { Exclusions = Split(command.Exclude) }
                : request with
                {
                    Exclusions = command.Exclude is null ? [] : Glob.SplitList(command.Exclude),
                    Sample = SampleOptions.Create(command.SampleBytes, command.SampleRows),
                    SampleFiles = CrawlOptions.ParseSampleFiles(command.SampleFiles),
                };
            request.Validate();
            var catalog = DataCatalog.Open(command.Catalog);
            var result = request.IsDatabase ? await CrawlDatabaseAsync(request, catalog, context) : await CrawlFolderAsync(request, catalog, context);
            if (command.DetectPii)
            {
                MagicSupport.DisplayHtml(context, MachineLearningViews.CrawlDetection(await SensitiveData.RecordCrawlAsync(catalog, result, cancellationToken: context.CancellationToken)));
            }
        });

    private static async Task<CrawlResult> CrawlFolderAsync(CrawlRequest request, DataCatalog catalog, KernelInvocationContext context)
    {
        var display = MagicSupport.DisplayHtml(context, CatalogViews.CrawlProgress(request.Path!, new CrawlProgress(0, 0, null)));
        var progress = new ThrottledDisplay<CrawlProgress>(display, p => CatalogViews.CrawlProgress(request.Path!, p));
        var result = await progress.RunAsync(() => request.RunAsync(catalog, progress, context.CancellationToken), CatalogViews.Failed($"Crawling {request.Path}"));
        progress.Complete(CatalogViews.CrawlSummary(result));
        return result;
    }

    private static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
