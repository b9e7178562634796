using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!connection test &lt;name&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class ConnectionTestMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string? Catalog { get; set; }

    internal static Task HandleAsync(ConnectionTestMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var connection = DataCatalog.Open(command.Catalog).GetConnection(command.Name);
            var check = await ConnectionTester.TestAsync(connection, context.CancellationToken);
            context.DisplayAs(check.ToString(), "text/plain");
        });
}
