using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning.Pii;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!pii &lt;db&gt;.&lt;table&gt;|&lt;variable&gt; [--entity-types ...] [--action detect|redact|partial-redact|sha256-hash]
/// [--sample-fraction f] [--threshold-fraction f] [--as &lt;variable&gt;] [--record]</c>: Glue's Detect PII.
/// </summary>
public sealed class PiiMagic : KernelDirectiveCommand
{
    private const string Name = "#!pii";

    public string Source { get; set; } = string.Empty;

    public string? EntityTypes { get; set; }

    public string? Action { get; set; }

    public string? SampleFraction { get; set; }

    public string? ThresholdFraction { get; set; }

    public string? As { get; set; }

    public bool Record { get; set; }

    public string? Catalog { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) => FrameVariables.CheckName(As);

    internal static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(PiiDescription.Command, (PiiDescription.Source, () => MagicSupport.CatalogNames(tables: true)));
        kernel.AddDirective<PiiMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(PiiMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var options = PiiSettings.Create(command.EntityTypes, command.Action, command.SampleFraction, command.ThresholdFraction);
            var isTable = command.Source.Contains('.', StringComparison.Ordinal);
            if (command.Record && !isTable)
            {
                throw new DevEndpointException($"--record keeps column types in the catalog, so it needs a catalog table as <database>.<table>, not the variable '{command.Source}'.");
            }

            var catalog = isTable ? MagicSupport.OpenCatalog(context, command.Catalog) : null;
            var (frame, detection) = command.Record
                ? (null, await SensitiveData.RecordInCatalogAsync(catalog!, command.Source, options, context.CancellationToken))
                : isTable
                    ? await SensitiveData.DetectAsync(catalog!, command.Source, options, context.CancellationToken)
                    : Detect(FrameVariables.Get(context, command.Source, Name), options);
            var result = options.Action == PiiAction.Detect || frame is null ? detection.EntitiesFrame() : frame;
            if (command.As is { } name)
            {
                await FrameVariables.SetAsync(context, name, result, Name);
            }

            MagicSupport.DisplayHtml(context, MachineLearningViews.Detection(command.Source, options, detection, command.Record, command.As));
            context.Display(result.Head((int)Math.Min(LoadMagic.PreviewRows, result.Rows.Count)));
        });

    private static (Microsoft.Data.Analysis.DataFrame, PiiDetection) Detect(Microsoft.Data.Analysis.DataFrame frame, PiiOptions options)
    {
        var detection = SensitiveData.Detect(frame, options);
        return (SensitiveData.Apply(frame, detection, options), detection);
    }
}
