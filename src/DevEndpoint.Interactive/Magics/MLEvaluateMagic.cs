using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml evaluate &lt;name&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLEvaluateMagic : MLTransformMagic
{
    internal static Task HandleAsync(MLEvaluateMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var transform = FindMatchesTransform.Open(MagicSupport.OpenCatalog(context, command.Catalog), command.Name);
            var metrics = await transform.EvaluateAsync(context.CancellationToken);
            MagicSupport.DisplayHtml(context, MLViews.Metrics(transform.Name, metrics));
        });
}
