using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!classifier remove &lt;name&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class ClassifierRemoveMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string? Catalog { get; set; }

    internal static Task HandleAsync(ClassifierRemoveMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var catalog = DataCatalog.Open(command.Catalog);
            catalog.Update(u => u.DeleteClassifier(command.Name));
            ClassifierMagic.DisplayList(context, catalog);
            return Task.CompletedTask;
        });
}
