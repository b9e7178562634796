using DevEndpoint.Catalog;
using DevEndpoint.Commands;
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
/// [--strings auto|dotnet|utf8] [--bookmark &lt;job&gt;] [--version n | --as-of &lt;time&gt;]</c>.
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

    public long? Version { get; set; }

    public string? AsOf { get; set; }

    public string? HashField { get; set; }

    public int? HashPartitions { get; set; }

    public string? BookmarkKey { get; set; }

    public string? Catalog { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) =>
        FrameVariables.CheckName(As).Concat(FrameVariables.CheckName(ErrorsAs, "--errors-as"));

    internal static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(LoadDescription.Command, (LoadDescription.Table, () => MagicSupport.CatalogNames(tables: true)));
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
                Version = command.Version,
                AsOf = command.AsOf is { } time ? LoadOptions.ParseAsOf(time) : null,
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
