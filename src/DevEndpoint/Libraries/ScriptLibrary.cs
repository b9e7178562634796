using DevEndpoint.Libraries.Internals;

namespace DevEndpoint.Libraries;

/// <summary>
/// A script library ready to reference: the assembly built from <see cref="Source"/> (or copied, for a <c>.dll</c>)
/// into the library cache, named by the source's content, so a changed source gives a new assembly file.
/// </summary>
/// <param name="Name">The assembly name: <c>library.json</c>'s name, else the library folder's or file's name.</param>
/// <param name="Version"><c>library.json</c>'s version, when it gives one.</param>
/// <param name="Source">The full path of the file the library was built from.</param>
/// <param name="Kind">What the source is.</param>
/// <param name="ContentHash">SHA-256 of the source file's bytes, in lower-case hex.</param>
/// <param name="AssemblyPath">The assembly to reference, in the library cache.</param>
/// <param name="ExportedTypes">The public top-level types of the assembly (of every assembly, for a package), by full name, in name order.</param>
public sealed record ScriptLibrary(
    string Name,
    string? Version,
    string Source,
    LibraryKind Kind,
    string ContentHash,
    string AssemblyPath,
    IReadOnlyList<string> ExportedTypes)
{
    /// <summary>The NuGet packages the library depends on, restored with their own dependencies; empty when it has none.</summary>
    public IReadOnlyList<LibraryDependency> Dependencies { get; init; } = [];

    /// <summary>A package's other assemblies, beside <see cref="AssemblyPath"/> in its <c>lib/</c> folder; empty for other kinds.</summary>
    public IReadOnlyList<string> Companions { get; init; } = [];

    /// <summary>The first 12 characters of <see cref="ContentHash"/>, enough to tell builds apart on screen.</summary>
    public string ShortHash => ContentHash[..12];

    /// <summary>
    /// Every assembly a C# session references to use the library: its own, then its dependencies', then the loaded copies of
    /// those the process has instead (a DevEndpoint dependency a cell would not otherwise see, such as Newtonsoft.Json).
    /// </summary>
    public IReadOnlyList<string> References =>
        [AssemblyPath, .. Companions, .. Dependencies.SelectMany(d => d.Assemblies), .. Dependencies.SelectMany(d => d.LoadedInstead).Select(LibraryCompiler.LoadedPath).OfType<string>().Distinct()];
}
