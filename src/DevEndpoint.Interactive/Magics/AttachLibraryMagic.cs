using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Libraries;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!attach-library &lt;path&gt;[,&lt;path&gt;...]</c>: builds script libraries and references them from the C# kernel; in an
/// endpoint's cell (<c>#!next</c> first), adds them to the endpoint, which reloads its libraries.
/// </summary>
public sealed class AttachLibraryMagic : KernelDirectiveCommand
{
    public string Paths { get; set; } = string.Empty;

    internal static void Register(Kernel kernel, LibrarySession session)
    {
        var directive = new KernelActionDirective("#!attach-library", "Compile script libraries (a .cs file, or a .zip with one library folder of .cs files at its root) or take compiled .dll files and NuGet packages (.nupkg, nuget:<id>,<version>), restore their NuGet dependencies (library.json's \"dependencies\", a package's own), and reference them all from the C# kernel so later cells can use their namespaces; in an endpoint's cell, add them to the endpoint (which reloads its libraries).")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--paths", "Comma-separated libraries: .cs, .zip, .dll or .nupkg files, or nuget:<id>,<version>.") { AllowImplicitName = true, Required = true, TypeHint = "file" },
            },
        };
        kernel.AddDirective<AttachLibraryMagic>(directive, (command, context) => MagicSupport.RunAsync(command, context, () =>
        {
            if (context.HandlingKernel is EndpointKernel endpoint)
            {
                var added = EndpointMagic.FullPaths(command.Paths).Where(p => !endpoint.Definition.Libraries.Contains(p));
                var definition = endpoint.Definition with { Libraries = [.. endpoint.Definition.Libraries, .. added] };
                return EndpointUpdateLibrariesMagic.ReloadAsync(context, session, endpoint, definition);
            }

            var csharp = context.HandlingKernel.RootKernel.FindKernelByName("csharp") as CSharpKernel
                ?? throw new DevEndpointException("#!attach-library needs the C# kernel ('csharp') to reference the libraries, and this notebook has none.");
            var libraries = session.Build(ScriptLibraryBuilder.SplitPaths(command.Paths), message => context.DisplayAs(message, "text/plain"));
            var attached = session.Attach(csharp, libraries);
            MagicSupport.DisplayHtml(context, LibraryViews.Attached(attached, session.Attached));
            return Task.CompletedTask;
        }));
    }
}
