using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!load &lt;db&gt;.&lt;table&gt; --as &lt;variable&gt; [--columns a,b] [--where "&lt;predicate&gt;"] [--limit n]
/// [--sample f | --sample-rows n] [--mode permissive|failfast|dropmalformed] [--error-threshold n] [--errors-as &lt;variable&gt;]
/// [--strings auto|dotnet|utf8] [--bookmark &lt;job&gt;]</c>.
/// </summary>
public sealed class LoadMagic : KernelDirectiveCommand
{
    /// <summary>Rows shown under a load.</summary>
    public const int PreviewRows = 10;

    public string Table { get; set; } = string.Empty;

    public string As { get; set; } = string.Empty;

    public string? Columns { get; set; }

    public string? Where { get; set; }

    public long? Limit { get; set; }

    public double? Sample { get; set; }

    public long? SampleRows { get; set; }

    public string? Mode { get; set; }

    public long? ErrorThreshold { get; set; }

    public string? ErrorsAs { get; set; }

    public string? Strings { get; set; }

    public string? Bookmark { get; set; }

    public string? HashField { get; set; }

    public int? HashPartitions { get; set; }

    public string? BookmarkKey { get; set; }

    public string? Catalog { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) =>
        FrameVariables.CheckName(As).Concat(FrameVariables.CheckName(ErrorsAs, "--errors-as"));

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!load", "Load a catalog table into a Microsoft.Data.Analysis.DataFrame variable, pruning partitions and filtering rows by a predicate and keeping only the columns asked for.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--table", "The table, as <database>.<table>.") { AllowImplicitName = true, Required = true }
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: true)),
                new KernelDirectiveParameter("--as", "The name of the C# variable that receives the DataFrame.") { Required = true },
                new KernelDirectiveParameter("--columns", "Comma-separated columns to load, in this order (default: all, partition keys last)."),
                new KernelDirectiveParameter("--where", "A predicate over any columns: terms on partition keys prune partitions before any file is read, the rest filters the rows (for a database table, run by the database with parameters): =, <>, <, >, <=, >=, AND, OR, NOT, IN, BETWEEN, LIKE, IS NULL; e.g. \"season = '2324' AND FTHG > 2\"."),
                new KernelDirectiveParameter("--limit", "Load at most this many rows (reading stops as soon as they are read).") { TypeHint = "number" },
                new KernelDirectiveParameter("--sample", "Keep about this share of rows, 0 < f <= 1 (the same rows on every load), for a quick look at a big table.") { TypeHint = "number" },
                new KernelDirectiveParameter("--sample-rows", "Keep about this many rows, spread over the whole table.") { TypeHint = "number" },
                new KernelDirectiveParameter("--mode", "What to do with rows whose values do not fit the schema: permissive (default: set aside, counted and shown), failfast (stop at the first, naming file, line and column), dropmalformed (dropped and counted).")
                    .AddCompletions(() => ["permissive", "failfast", "dropmalformed"]),
                new KernelDirectiveParameter("--error-threshold", "Fail the load when more rows than this are bad.") { TypeHint = "number" },
                new KernelDirectiveParameter("--errors-as", "The name of a C# variable that receives the rows set aside (file, line, column, value, reason) as a DataFrame."),
                new KernelDirectiveParameter("--strings", "How string columns are held: auto (default: repeated values as shared .NET strings, values that rarely repeat as UTF-8 bytes), dotnet (.NET strings, editable) or utf8 (UTF-8 bytes: about half the memory for long text; read-only).")
                    .AddCompletions(() => ["auto", "dotnet", "utf8"]),
                new KernelDirectiveParameter("--bookmark", "A job's bookmark: read only the files its committed runs did not process (new, or changed in size or time); they join its pending run, which #!bookmark commit <job> makes processed."),
                new KernelDirectiveParameter("--hash-field", "Database tables: a numeric column whose range is split into --hash-partitions reads run at once (Glue's hashfield)."),
                new KernelDirectiveParameter("--hash-partitions", "Database tables: how many reads --hash-field splits the load into (default 7).") { TypeHint = "number" },
                new KernelDirectiveParameter("--bookmark-key", "Database tables: a column whose values only grow; load only the rows past the last load's largest value, then keep the new largest in the catalog."),
                MagicSupport.CatalogParameter(),
            },
        };
        kernel.AddDirective<LoadMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(LoadMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            // In an endpoint's cell the table comes from the endpoint's catalog and the variable goes to its session.
            var endpoint = context.HandlingKernel as EndpointKernel;
            var loader = new TableLoader(DataCatalog.Open(command.Catalog ?? endpoint?.Definition.Catalog));
            var options = new LoadOptions
            {
                Columns = command.Columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Where = command.Where,
                Limit = command.Limit,
                SampleFraction = command.Sample,
                SampleRows = command.SampleRows,
                Mode = command.Mode is null ? BadRecordMode.Permissive : LoadOptions.ParseMode(command.Mode),
                ErrorThreshold = command.ErrorThreshold,
                Strings = command.Strings is null ? StringStorage.Auto : LoadOptions.ParseStrings(command.Strings),
                Bookmark = command.Bookmark,
                HashField = command.HashField,
                HashPartitions = command.HashPartitions,
                BookmarkKey = command.BookmarkKey,
            };
            var display = MagicSupport.DisplayHtml(context, CatalogViews.LoadProgress(command.Table, new LoadProgress(0, 0, 0)));
            var progress = new ThrottledDisplay<LoadProgress>(display, p => CatalogViews.LoadProgress(command.Table, p));
            var result = await progress.RunAsync(
                () => loader.LoadAsync(command.Table, options, context.CancellationToken, progress),
                CatalogViews.Failed($"Loading {command.Table}"));

            Func<string, object, Type, Task> setValue = endpoint is not null ? endpoint.SetValueAsync
                : context.HandlingKernel.RootKernel.FindKernelByName("csharp") is CSharpKernel csharp ? csharp.SetValueAsync
                : throw new DevEndpointException("#!load needs the C# kernel ('csharp') to hold its variable, and this notebook has none.");
            await setValue(command.As, result.Frame, typeof(DataFrame));
            if (command.ErrorsAs is { } errorsAs)
            {
                await setValue(errorsAs, result.Errors, typeof(Frames.ErrorFrame));
            }

            progress.Complete(CatalogViews.LoadSummary(command.As, result, command.ErrorsAs));
            if (result.Bookmark is { } bookmark)
            {
                MagicSupport.DisplayHtml(context, BookmarkViews.Loaded(bookmark));
            }

            CatalogFormatters.Register();
            context.Display(result.Frame.Head((int)Math.Min(PreviewRows, result.Frame.Rows.Count)), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        });
}
