using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml list [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLListMagic : KernelDirectiveCommand
{
    public string? Catalog { get; set; }

    internal static Task HandleAsync(MLListMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var catalog = MagicSupport.OpenCatalog(context, command.Catalog);
            MagicSupport.DisplayHtml(context, MLViews.Transforms(catalog.Path, catalog.GetMLTransforms()));
            return Task.CompletedTask;
        });
}
