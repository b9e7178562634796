using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!classifier list [--catalog &lt;file&gt;]</c>.</summary>
public sealed class ClassifierListMagic : KernelDirectiveCommand
{
    public string? Catalog { get; set; }

    internal static Task HandleAsync(ClassifierListMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            ClassifierMagic.DisplayList(context, DataCatalog.Open(command.Catalog));
            return Task.CompletedTask;
        });
}
