using DevEndpoint.Endpoints;
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

    internal static Task HandleAsync(EndpointUpdateLibrariesMagic command, KernelInvocationContext context, LibrarySession session)
    {
        var endpoint = EndpointMagic.Running(session, command.Name);
        return ReloadAsync(context, session, endpoint, endpoint.Definition);
    }

    /// <summary>
    /// Builds <paramref name="definition"/>'s libraries and, when one is new or changed, stores the definition and starts a new
    /// session with them, saying what it dropped; a library that fails to build leaves the endpoint as it was.
    /// </summary>
    internal static async Task ReloadAsync(KernelInvocationContext context, LibrarySession session, EndpointKernel endpoint, EndpointDefinition definition)
    {
        IReadOnlyList<ScriptLibrary> libraries;
        try
        {
            libraries = session.Build(definition.Libraries, message => context.DisplayAs(message, "text/plain"));
        }
        catch (DevEndpointException e)
        {
            throw new DevEndpointException($"{e.Message}\nEndpoint '{endpoint.Name}' keeps running with the libraries it had.", e);
        }

        var changed = libraries.Where(l => !endpoint.Libraries.Any(old => old.Source == l.Source && old.ContentHash == l.ContentHash)).ToList();
        if (changed.Count == 0)
        {
            context.DisplayAs($"No library of endpoint '{endpoint.Name}' changed on disk; nothing was reloaded.", "text/plain");
            return;
        }

        session.Store.Save(definition);
        var dropped = await endpoint.StartSessionAsync(definition, libraries);
        var headline = $"Endpoint {endpoint.Name} reloaded {string.Join(", ", changed.Select(l => $"{l.Name} ({l.ShortHash})"))}. {EndpointMagic.ReloadDrops} "
            + (dropped.Count == 0 ? "No variables were dropped." : $"Dropped variables: {string.Join(", ", dropped)}.");
        MagicSupport.DisplayHtml(context, LibraryViews.Status(endpoint, headline));
    }
}
