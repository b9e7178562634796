using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!endpoint connect &lt;name&gt;</c>: starts a stored endpoint in this notebook.</summary>
public sealed class EndpointConnectMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    internal static async Task HandleAsync(EndpointConnectMagic command, KernelInvocationContext context, CompositeKernel root, LibrarySession session)
    {
        var kernel = await EndpointMagic.StartAsync(root, session, session.Store.Get(command.Name));
        MagicSupport.DisplayHtml(context, LibraryViews.Status(kernel, $"Endpoint {command.Name} connected: run cells in it with #!{command.Name}"));
    }
}
