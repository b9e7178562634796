using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml delete &lt;name&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLDeleteMagic : MLTransformMagic
{
    internal static Task HandleAsync(MLDeleteMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var catalog = MagicSupport.OpenCatalog(context, command.Catalog);
            FindMatchesTransform.Delete(catalog, command.Name);
            MagicSupport.DisplayHtml(context, MLViews.Transforms(catalog.Path, catalog.GetMLTransforms()));
            return Task.CompletedTask;
        });
}
