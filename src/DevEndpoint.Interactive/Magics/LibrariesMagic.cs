using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!libraries</c>: the libraries attached to the C# kernel and to each running endpoint.</summary>
public sealed class LibrariesMagic : KernelDirectiveCommand
{
    internal static void Register(Kernel kernel, LibrarySession session)
    {
        var directive = new KernelActionDirective("#!libraries", "List the script libraries attached to the C# kernel and to each endpoint running in this notebook: source, content hash, exported public types and NuGet dependencies; and where builds are cached (unused ones are removed after 30 days, except those of stored endpoints).");
        kernel.AddDirective<LibrariesMagic>(directive, (command, context) =>
        {
            MagicSupport.DisplayHtml(context, LibraryViews.Libraries(session.Attached, session.Endpoints.Values, session.Options));
            return Task.CompletedTask;
        });
    }
}
