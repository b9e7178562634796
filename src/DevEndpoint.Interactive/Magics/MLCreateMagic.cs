using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

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

    internal static IEnumerable<KernelDirectiveParameter> Parameters() =>
    [
        new("--name", "The transform's name: letters, digits, underscores, hyphens and dots.") { AllowImplicitName = true, Required = true },
        MLMagic.Parameter(MLOptions.Source, required: true).AddCompletions(() => MagicSupport.CatalogNames(tables: true)),
        MLMagic.Parameter(MLOptions.PrimaryKey, required: true),
        MLMagic.Parameter(MLOptions.SourceColumn),
        MLMagic.Parameter(MLOptions.PrecisionRecall, typeHint: "number"),
        MLMagic.Parameter(MLOptions.AccuracyCost, typeHint: "number"),
        new(MLOptions.EnforceProvidedLabels.Name, MLOptions.EnforceProvidedLabels.Description) { Flag = true },
        MagicSupport.CatalogParameter(),
    ];

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
