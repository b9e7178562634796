using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml labeling-set &lt;name&gt; --as &lt;variable&gt; [--output &lt;file.csv&gt;] [--seed n] [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLLabelingSetMagic : MLTransformMagic
{
    public string As { get; set; } = string.Empty;

    public string? Output { get; set; }

    public int? Seed { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) => FrameVariables.CheckName(As);

    internal static Task HandleAsync(MLLabelingSetMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var transform = FindMatchesTransform.Open(MagicSupport.OpenCatalog(context, command.Catalog), command.Name);
            var seed = command.Seed ?? FindMatchesTransform.DefaultSeed;
            var set = command.Output is { } output
                ? await transform.WriteLabelingSetAsync(Path.GetFullPath(output), seed, context.CancellationToken)
                : await transform.GenerateLabelingSetAsync(seed, context.CancellationToken);
            await FrameVariables.SetAsync(context, command.As, set, "#!ml");
            var file = command.Output is null ? null : Path.GetFullPath(command.Output);
            MagicSupport.DisplayHtml(context, MLViews.Message(MLText.LabelingSetInVariable(transform.Name, set, command.As, file)));
            context.Display(set);
        });
}
