using DevEndpoint.Endpoints;
using DevEndpoint.Libraries;
using Microsoft.DotNet.Interactive.CSharp;

namespace DevEndpoint.Interactive.Endpoints;

/// <summary>
/// What the DevEndpoint magics of one notebook share: where libraries build to and endpoints are stored, the libraries
/// attached to the notebook's C# kernel, and the endpoints running in the notebook. Starting one prunes the library cache
/// (see <see cref="ScriptLibraryBuilder.PruneCache"/>), keeping the builds of the stored endpoints' libraries.
/// </summary>
internal sealed class LibrarySession
{
    private readonly List<ScriptLibrary> attached = [];

    public LibrarySession(string home)
    {
        Options = new LibraryOptions { CacheFolder = Path.Combine(home, "libraries") };
        Builder = new ScriptLibraryBuilder(Options);
        Store = new EndpointStore(Path.Combine(home, "endpoints"));
        try
        {
            Builder.PruneCache(Store.List().SelectMany(d => d.Libraries), DateTimeOffset.UtcNow);
        }
        catch (DevEndpointException)
        {
            // An unreadable endpoint definition: which builds it uses is unknown, so nothing is pruned this time.
        }
    }

    public LibraryOptions Options { get; }

    public ScriptLibraryBuilder Builder { get; }

    public EndpointStore Store { get; }

    /// <summary>The libraries attached to the notebook's C# kernel, in the order attached.</summary>
    public IReadOnlyList<ScriptLibrary> Attached => attached;

    public Dictionary<string, EndpointKernel> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds every library, all or none; two libraries of one name in the list, or two versions of one dependency's
    /// assembly, are an error. <paramref name="restoring"/> is told of each NuGet restore as it starts.
    /// </summary>
    public IReadOnlyList<ScriptLibrary> Build(IEnumerable<string> paths, Action<string>? restoring = null)
    {
        var libraries = paths.Select(p => Builder.Build(p, restoring)).ToList();
        if (libraries.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DevEndpointException($"Two libraries are named {twice.Key} ({string.Join(", ", twice.Select(l => l.Source))}); a C# session can reference only one of them. Use one endpoint for each.");
        }

        CheckOneVersionEach(libraries);
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

        CheckOneVersionEach([.. attached, .. libraries]);
        var added = libraries.Where(l => !attached.Any(a => a.ContentHash == l.ContentHash && a.Name == l.Name)).ToList();
        csharp.AddAssemblyReferences(added.SelectMany(l => l.References).Except(attached.SelectMany(l => l.References)).Distinct());
        attached.AddRange(added);
        return added;
    }

    /// <summary>Throws when two libraries' dependencies bring different copies (versions) of one assembly: a C# session can reference one.</summary>
    private static void CheckOneVersionEach(IEnumerable<ScriptLibrary> libraries)
    {
        var seen = new Dictionary<string, (ScriptLibrary Library, LibraryDependency Dependency, string Path)>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in libraries)
        {
            foreach (var dependency in library.Dependencies)
            {
                foreach (var path in dependency.Assemblies)
                {
                    var file = Path.GetFileName(path);
                    if (seen.TryGetValue(file, out var first) && first.Path != path)
                    {
                        throw new DevEndpointException(
                            $"{first.Library.Name} depends on {first.Dependency.Id} {first.Dependency.Version} and {library.Name} on {dependency.Id} {dependency.Version}, which both bring {file}: "
                            + "a C# session can reference only one version of an assembly. Make them depend on the same version, or use one endpoint for each.");
                    }

                    seen.TryAdd(file, (library, dependency, path));
                }
            }
        }
    }
}
