using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Libraries;
using DevEndpoint.ObjectStores;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!attach-library &lt;path&gt;[,&lt;path&gt;...] [--connection &lt;name&gt;] [--catalog &lt;file&gt;]</c>: builds script libraries and references them from the
/// C# kernel; in an endpoint's cell (<c>#!next</c> first), adds them to the endpoint, which reloads its libraries.
/// <c>s3://</c> paths are downloaded into the private library cache first, through the named connection.
/// </summary>
public sealed class AttachLibraryMagic : KernelDirectiveCommand
{
    public string Paths { get; set; } = string.Empty;

    public string? Connection { get; set; }

    public string? Catalog { get; set; }

    internal static void Register(Kernel kernel, LibrarySession session)
    {
        var directive = new KernelActionDirective("#!attach-library", "Compile script libraries (a .cs file, or a .zip with one library folder of .cs files at its root) or take compiled .dll files and NuGet packages (.nupkg, nuget:<id>,<version>), restore their NuGet dependencies (library.json's \"dependencies\", a package's own), and reference them all from the C# kernel so later cells can use their namespaces; in an endpoint's cell, add them to the endpoint (which reloads its libraries).")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--paths", "Comma-separated libraries: .cs, .zip, .dll or .nupkg files (local, or s3://bucket/key with --connection), or nuget:<id>,<version>.") { AllowImplicitName = true, Required = true, TypeHint = "file" },
                new KernelDirectiveParameter("--connection", "The catalog's s3 connection that s3:// library paths are downloaded through (into the private library cache).")
                    .AddCompletions(MagicSupport.ConnectionNames),
                MagicSupport.CatalogParameter(),
            },
        };
        kernel.AddDirective<AttachLibraryMagic>(directive, (command, context) => MagicSupport.RunAsync(command, context, async () =>
        {
            var endpoint = context.HandlingKernel as EndpointKernel;
            var paths = new List<string>();
            foreach (var path in ScriptLibraryBuilder.SplitPaths(command.Paths))
            {
                if (S3Path.IsS3(path))
                {
                    using var store = ObjectStoreConnections.Open(DataCatalog.Open(command.Catalog ?? endpoint?.Definition.Catalog), command.Connection, path);
                    paths.Add(await session.Builder.DownloadAsync(path, store, context.CancellationToken));
                }
                else
                {
                    paths.Add(path);
                }
            }

            if (endpoint is not null)
            {
                var added = EndpointMagic.FullPaths(string.Join(',', paths)).Where(p => !endpoint.Definition.Libraries.Contains(p));
                var definition = endpoint.Definition with { Libraries = [.. endpoint.Definition.Libraries, .. added] };
                await EndpointUpdateLibrariesMagic.ReloadAsync(context, session, endpoint, definition);
                return;
            }

            var csharp = context.HandlingKernel.RootKernel.FindKernelByName("csharp") as CSharpKernel
                ?? throw new DevEndpointException("#!attach-library needs the C# kernel ('csharp') to reference the libraries, and this notebook has none.");
            var libraries = session.Build(paths, message => context.DisplayAs(message, "text/plain"));
            var attached = session.Attach(csharp, libraries);
            MagicSupport.DisplayHtml(context, LibraryViews.Attached(attached, session.Attached));
        }));
    }
}
