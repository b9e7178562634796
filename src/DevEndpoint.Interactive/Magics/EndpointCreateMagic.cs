using DevEndpoint.Catalog;
using DevEndpoint.Endpoints;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!endpoint create &lt;name&gt; [--libraries &lt;path&gt;[,&lt;path&gt;...]] [--catalog &lt;file&gt;]</c>.</summary>
public sealed class EndpointCreateMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string? Libraries { get; set; }

    public string? Catalog { get; set; }

    internal static async Task HandleAsync(EndpointCreateMagic command, KernelInvocationContext context, CompositeKernel root, LibrarySession session)
    {
        EndpointStore.CheckName(command.Name);
        var stored = session.Store.Find(command.Name);
        var definition = new EndpointDefinition(
            command.Name,
            command.Libraries is null ? stored?.Libraries ?? [] : EndpointMagic.FullPaths(command.Libraries),
            command.Catalog is null ? stored?.Catalog : CatalogLocation.Parse(command.Catalog).FilePath ?? command.Catalog,
            stored?.CreatedOn ?? DateTimeOffset.Now);
        var kernel = await EndpointMagic.StartAsync(root, session, definition);
        var headline = stored is null
            ? $"Endpoint {command.Name} created: run cells in it with #!{command.Name}"
            : $"Endpoint {command.Name} {(definition == stored ? "reconnected" : "redefined and started")}: run cells in it with #!{command.Name}";
        MagicSupport.DisplayHtml(context, LibraryViews.Status(kernel, headline));
    }
}
