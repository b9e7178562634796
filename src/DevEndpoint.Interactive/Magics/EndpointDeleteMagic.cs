using DevEndpoint.Interactive.Endpoints;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!endpoint delete &lt;name&gt;</c>: removes the stored definition and stops the endpoint's session in this notebook.</summary>
public sealed class EndpointDeleteMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    internal static Task HandleAsync(EndpointDeleteMagic command, KernelInvocationContext context, LibrarySession session)
    {
        var stored = session.Store.Delete(command.Name);
        var running = session.Endpoints.TryGetValue(command.Name, out var endpoint) && endpoint.IsRunning;
        if (!stored && !running)
        {
            throw new DevEndpointException($"There is no endpoint '{command.Name}' to delete.");
        }

        endpoint?.Stop();
        context.DisplayAs(
            $"Endpoint '{command.Name}' deleted: its definition is removed"
            + (running ? $" and its C# session stopped (its variables are gone); cells for #!{command.Name} fail until it is created again." : "."),
            "text/plain");
        return Task.CompletedTask;
    }
}
