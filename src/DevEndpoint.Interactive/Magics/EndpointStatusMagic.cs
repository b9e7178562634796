using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!endpoint status [&lt;name&gt;]</c>.</summary>
public sealed class EndpointStatusMagic : KernelDirectiveCommand
{
    public string? Name { get; set; }

    internal static Task HandleAsync(EndpointStatusMagic command, KernelInvocationContext context, LibrarySession session)
    {
        var endpoints = command.Name is { } name
            ? [EndpointMagic.Running(session, name)]
            : session.Endpoints.Values.Where(e => e.IsRunning).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (endpoints.Count == 0)
        {
            context.DisplayAs("No endpoint runs in this notebook: #!endpoint list shows the stored ones, #!endpoint create <name> makes one.", "text/plain");
        }

        foreach (var endpoint in endpoints)
        {
            MagicSupport.DisplayHtml(context, LibraryViews.Status(endpoint));
        }

        return Task.CompletedTask;
    }
}
