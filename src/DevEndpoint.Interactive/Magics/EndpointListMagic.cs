using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!endpoint list</c>.</summary>
public sealed class EndpointListMagic : KernelDirectiveCommand
{
    internal static Task HandleAsync(KernelInvocationContext context, LibrarySession session)
    {
        MagicSupport.DisplayHtml(context, LibraryViews.Endpoints(session.Store.Folder, session.Store.List(), session.Endpoints));
        return Task.CompletedTask;
    }
}
