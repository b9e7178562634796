using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Sources.ObjectStores;
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
            if (command.Connection is not null && !S3Path.IsS3(command.Path))
            {
                await CrawlDatabaseAsync(command, context);
                return;
            }

            if (command.Path.Length == 0)
            {
                throw new DevEndpointException("Give #!crawl the folder to crawl, or --connection <name> with --include to crawl a database.");
            }

            var options = new CrawlOptions
            {
                Path = command.Path,
                Connection = command.Connection,
                Database = command.Database,
                Exclusions = command.Exclude is null ? [] : Glob.SplitList(command.Exclude),
                Classifiers = command.Classifier?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                TableLevel = command.TableLevel,
                CombineCompatibleSchemas = command.CombineCompatibleSchemas,
                NewFoldersOnly = command.NewFoldersOnly,
                SchemaChange = command.SchemaChange is { } change ? CrawlPolicies.ParseSchemaChange(change) : SchemaChangePolicy.Update,
                DeleteBehavior = command.DeleteBehavior is { } behavior ? CrawlPolicies.ParseDeleteBehavior(behavior) : Crawling.DeleteBehavior.Deprecate,
                Sample = SampleOptions.Create(command.SampleBytes, command.SampleRows),
                SampleFiles = CrawlOptions.ParseSampleFiles(command.SampleFiles),
            };
            var catalog = DataCatalog.Open(command.Catalog);
            var display = MagicSupport.DisplayHtml(context, CatalogViews.CrawlProgress(command.Path, new CrawlProgress(0, 0, null)));
            var progress = new ThrottledDisplay<CrawlProgress>(display, p => CatalogViews.CrawlProgress(command.Path, p));
            var result = await progress.RunAsync(
                () => new Crawler(catalog).CrawlAsync(options, progress, context.CancellationToken),
                CatalogViews.Failed($"Crawling {command.Path}"));
            progress.Complete(CatalogViews.CrawlSummary(result));
            if (command.DetectPii)
            {
                MagicSupport.DisplayHtml(context, MachineLearningViews.CrawlDetection(await SensitiveData.RecordCrawlAsync(catalog, result, cancellationToken: context.CancellationToken)));
            }
        });
}
