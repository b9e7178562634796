using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml show &lt;name&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLShowMagic : MLTransformMagic
{
    internal static Task HandleAsync(MLShowMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            MagicSupport.DisplayHtml(context, MLViews.Transform(MagicSupport.OpenCatalog(context, command.Catalog).GetMLTransform(command.Name)));
            return Task.CompletedTask;
        });
}
