using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Libraries;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!endpoint update-libraries &lt;name&gt;</c>: rebuilds the endpoint's libraries from disk; when one changed, the endpoint
/// reloads them in a new C# session (see <see cref="EndpointMagic.ReloadDrops"/>). A library that fails to build leaves
/// the endpoint as it was.
/// </summary>
public sealed class EndpointUpdateLibrariesMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    internal static async Task HandleAsync(EndpointUpdateLibrariesMagic command, KernelInvocationContext context, LibrarySession session)
    {
        var endpoint = EndpointMagic.Running(session, command.Name);
        IReadOnlyList<ScriptLibrary> libraries;
        try
        {
            libraries = session.Build(endpoint.Definition.Libraries);
        }
        catch (DevEndpointException e)
        {
            throw new DevEndpointException($"{e.Message}\nEndpoint '{command.Name}' keeps running with the libraries it had.", e);
        }

        var changed = libraries.Where(l => !endpoint.Libraries.Any(old => old.Source == l.Source && old.ContentHash == l.ContentHash)).ToList();
        if (changed.Count == 0)
        {
            context.DisplayAs($"No library of endpoint '{command.Name}' changed on disk; nothing was reloaded.", "text/plain");
            return;
        }

        var dropped = await endpoint.StartSessionAsync(endpoint.Definition, libraries);
        var headline = $"Endpoint {command.Name} reloaded {string.Join(", ", changed.Select(l => $"{l.Name} ({l.ShortHash})"))}. {EndpointMagic.ReloadDrops} "
            + (dropped.Count == 0 ? "No variables were dropped." : $"Dropped variables: {string.Join(", ", dropped)}.");
        MagicSupport.DisplayHtml(context, LibraryViews.Status(endpoint, headline));
    }
}
