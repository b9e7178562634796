using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!connection remove &lt;name&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class ConnectionRemoveMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string? Catalog { get; set; }

    internal static Task HandleAsync(ConnectionRemoveMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var catalog = DataCatalog.Open(command.Catalog);
            catalog.Update(u => u.DeleteConnection(command.Name));
            ConnectionMagic.DisplayList(context, catalog);
            return Task.CompletedTask;
        });
}
