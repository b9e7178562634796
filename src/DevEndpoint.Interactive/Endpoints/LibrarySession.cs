using DevEndpoint.Endpoints;
using DevEndpoint.Libraries;
using Microsoft.DotNet.Interactive.CSharp;

namespace DevEndpoint.Interactive.Endpoints;

/// <summary>
/// What the DevEndpoint magics of one notebook share: where libraries build to and endpoints are stored, the libraries
/// attached to the notebook's C# kernel, and the endpoints running in the notebook.
/// </summary>
internal sealed class LibrarySession(string home)
{
    private readonly List<ScriptLibrary> attached = [];

    public ScriptLibraryBuilder Builder { get; } = new(new LibraryOptions { CacheFolder = Path.Combine(home, "libraries") });

    public EndpointStore Store { get; } = new(Path.Combine(home, "endpoints"));

    /// <summary>The libraries attached to the notebook's C# kernel, in the order attached.</summary>
    public IReadOnlyList<ScriptLibrary> Attached => attached;

    public Dictionary<string, EndpointKernel> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds every library, all or none; two libraries of one name in the list are an error.</summary>
    public IReadOnlyList<ScriptLibrary> Build(IEnumerable<string> paths)
    {
        var libraries = paths.Select(Builder.Build).ToList();
        if (libraries.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DevEndpointException($"Two libraries are named {twice.Key} ({string.Join(", ", twice.Select(l => l.Source))}); a C# session can reference only one of them. Use one endpoint for each.");
        }

        return libraries;
    }

    /// <summary>
    /// References the libraries from the C# kernel; returns those not attached before. A library attached before with
    /// other content is refused: the kernel cannot unload the assembly it already references.
    /// </summary>
    public IReadOnlyList<ScriptLibrary> Attach(CSharpKernel csharp, IReadOnlyList<ScriptLibrary> libraries)
    {
        foreach (var library in libraries)
        {
            if (attached.FirstOrDefault(a => a.Name == library.Name && a.ContentHash != library.ContentHash) is { } earlier)
            {
                throw new DevEndpointException(
                    $"{library.Name} is already attached to the C# kernel (from {earlier.Source}, content {earlier.ShortHash}), and {library.Source} (content {library.ShortHash}) differs: "
                    + "a running C# kernel cannot unload an assembly. Attach the new version to an endpoint, whose libraries reload "
                    + $"(#!endpoint create <name> --libraries {library.Source}), or restart the kernel.");
            }
        }

        var added = libraries.Where(l => !attached.Any(a => a.ContentHash == l.ContentHash && a.Name == l.Name)).ToList();
        csharp.AddAssemblyReferences(added.Select(l => l.AssemblyPath));
        attached.AddRange(added);
        return added;
    }
}
