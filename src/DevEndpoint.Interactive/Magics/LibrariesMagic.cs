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
        var directive = new KernelActionDirective("#!libraries", "List the script libraries attached to the C# kernel and to each endpoint running in this notebook: source, content hash and exported public types.");
        kernel.AddDirective<LibrariesMagic>(directive, (command, context) =>
        {
            MagicSupport.DisplayHtml(context, LibraryViews.Libraries(session.Attached, session.Endpoints.Values));
            return Task.CompletedTask;
        });
    }
}
