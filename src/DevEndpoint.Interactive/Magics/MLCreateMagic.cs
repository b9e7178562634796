using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!ml create &lt;name&gt; --source &lt;db&gt;.&lt;table&gt; --primary-key &lt;column&gt; [--source-column &lt;column&gt;]
/// [--precision-recall 0..1] [--accuracy-cost 0..1] [--enforce-provided-labels] [--catalog &lt;file&gt;]</c>.
/// </summary>
public sealed class MLCreateMagic : MLTransformMagic
{
    public string Source { get; set; } = string.Empty;

    public string PrimaryKey { get; set; } = string.Empty;

    public string? SourceColumn { get; set; }

    public double? PrecisionRecall { get; set; }

    public double? AccuracyCost { get; set; }

    public bool EnforceProvidedLabels { get; set; }

    internal static Task HandleAsync(MLCreateMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var catalog = MagicSupport.OpenCatalog(context, command.Catalog);
            var transform = await FindMatchesTransform.CreateAsync(
                catalog,
                command.Name,
                command.Source,
                command.PrimaryKey,
                new FindMatchesOptions
                {
                    PrecisionRecallTradeoff = command.PrecisionRecall ?? 0.5,
                    AccuracyCostTradeoff = command.AccuracyCost ?? 0.5,
                    EnforceProvidedLabels = command.EnforceProvidedLabels,
                    SourceColumn = command.SourceColumn,
                },
                context.CancellationToken);
            MagicSupport.DisplayHtml(context, MLViews.Transform(transform.Definition));
        });
}
