using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!connection list [--catalog &lt;file&gt;]</c>.</summary>
public sealed class ConnectionListMagic : KernelDirectiveCommand
{
    public string? Catalog { get; set; }

    internal static Task HandleAsync(ConnectionListMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            ConnectionMagic.DisplayList(context, DataCatalog.Open(command.Catalog));
            return Task.CompletedTask;
        });
}
