using DevEndpoint.Catalog;
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
        var directive = new KernelActionDirective("#!crawl", "Crawl a folder (classify its files: CSV, JSON lines, Parquet, gzip; infer schemas and Hive partitions) or a database connection (tables and views), and record tables in the catalog.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--path", "The folder to crawl, e.g. data/sales, or an object store prefix s3://bucket/prefix with --connection (none for a database connection: give --include).") { AllowImplicitName = true, TypeHint = "file" },
                new KernelDirectiveParameter("--database", "The catalog database that receives the tables (created when missing).") { Required = true }
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: false)),
                new KernelDirectiveParameter("--exclude", "Globs of files or folders to leave out, relative to the folder, separated by commas: * one level, ** any depth, {a,b} either; e.g. \"**/*.tmp,logs/**\"."),
                new KernelDirectiveParameter("--table-level", "The folder depth at which tables start: 1 is the folder itself, 2 its subfolders; deeper folders are partitions (default: found from the files' schemas).") { TypeHint = "number" },
                new KernelDirectiveParameter("--combine-compatible-schemas", "Make one table per format for the whole folder, with the union of the files' columns.") { Flag = true },
                new KernelDirectiveParameter(PiiSettings.DetectPii.Option, PiiSettings.DetectPii.Description) { Flag = true },
                new KernelDirectiveParameter("--new-folders-only", "Read only folders that earlier crawls of this folder into this database did not catalogue; nothing is deprecated or deleted.") { Flag = true },
                new KernelDirectiveParameter("--schema-change", "When a table's schema changed: update (default) the table, or log the change and keep the table.")
                    .AddCompletions(() => Enum.GetValues<SchemaChangePolicy>().Select(CrawlPolicies.Name)),
                new KernelDirectiveParameter("--delete-behavior", "For tables and partitions whose files vanished: deprecate (default; marks the table DEPRECATED_BY_CRAWLER), delete, or log.")
                    .AddCompletions(() => Enum.GetValues<DeleteBehavior>().Select(CrawlPolicies.Name)),
                new KernelDirectiveParameter("--sample-bytes", "Decompressed bytes read from the start of each text file to infer its schema (default 1048576).") { TypeHint = "number" },
                new KernelDirectiveParameter("--sample-rows", "Records read from the start of each text file to infer its schema (default 10000).") { TypeHint = "number" },
                new KernelDirectiveParameter("--sample-files", "How many files of each folder are read to classify them and infer their schema: that many, spread evenly over the folder's files in name order, the first and the last included (default: every file). Files not read count in their table's objectCount and sizeKey but are not checked, so a bad one among them is not reported.") { TypeHint = "number" },
                new KernelDirectiveParameter("--classifier", "Custom classifiers of the catalog to try before the built-in ones, in order, separated by commas; e.g. app_logs,pipes (see #!classifier add).")
                    .AddCompletions(MagicSupport.ClassifierNames),
                new KernelDirectiveParameter("--connection", "A database connection of the catalog to crawl instead of a folder, or for an s3:// path the s3 connection to read it through (see #!connection add).")
                    .AddCompletions(MagicSupport.ConnectionNames),
                new KernelDirectiveParameter("--include", "With --connection: the tables to read, separated by commas, as database/schema/table (PostgreSQL), database/table (MySQL) or schema/table (SQLite, main/%); % matches any name."),
                MagicSupport.CatalogParameter(),
            },
        };
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
