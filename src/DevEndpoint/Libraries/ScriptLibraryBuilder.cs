using System.Security.Cryptography;
using DevEndpoint.Catalog;
using DevEndpoint.Libraries.Internals;

namespace DevEndpoint.Libraries;

/// <summary>
/// Builds script libraries, as a Glue development endpoint takes them: a single <c>.cs</c> file, or a <c>.zip</c> with
/// one library folder of <c>.cs</c> files at its root (and an optional <c>library.json</c> in it giving a name and a
/// version); also a compiled <c>.dll</c>. Sources compile with Roslyn against the DevEndpoint core and
/// Microsoft.Data.Analysis into the library cache, once per distinct content.
/// </summary>
public sealed class ScriptLibraryBuilder(LibraryOptions? options = null)
{
    private readonly LibraryOptions options = options ?? new LibraryOptions();

    /// <summary>Splits a comma-separated list of library paths, as Glue takes them.</summary>
    public static IReadOnlyList<string> SplitPaths(string paths) =>
        paths.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Builds the library at <paramref name="path"/> (relative to the current folder), or reuses the build of identical content.</summary>
    /// <exception cref="LibraryCompilationException">The sources do not compile.</exception>
    /// <exception cref="DevEndpointException">The file is missing, of an unknown kind, or an unsafe or malformed archive.</exception>
    public ScriptLibrary Build(string path)
    {
        if (path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            throw LibraryErrors.NotSupportedYet(path);
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw LibraryErrors.NotFound(fullPath);
        }

        var bytes = File.ReadAllBytes(fullPath);
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var fileName = Path.GetFileName(fullPath);
        switch (Path.GetExtension(fullPath).ToLowerInvariant())
        {
            case ".cs":
                {
                    var name = CheckName(fileName, Path.GetFileNameWithoutExtension(fullPath));
                    return Compile(fullPath, LibraryKind.SourceFile, contentHash, name, null, [new SourceFile(fileName, bytes)]);
                }

            case ".zip":
                {
                    var archive = LibraryArchive.Read(fullPath, options);
                    var name = archive.Manifest?.Name ?? CheckName(fileName, archive.FolderName);
                    return Compile(fullPath, LibraryKind.SourceArchive, contentHash, name, archive.Manifest?.Version, archive.Sources);
                }

            case ".dll":
                {
                    var metadata = AssemblyMetadata.Read(fullPath, fileName);
                    var assemblyPath = Path.Combine(CacheFolder(contentHash), fileName);
                    if (!File.Exists(assemblyPath))
                    {
                        AtomicFile.Write(assemblyPath, bytes);
                    }

                    return new ScriptLibrary(metadata.Name, null, fullPath, LibraryKind.Assembly, contentHash, assemblyPath, metadata.ExportedTypes);
                }

            case ".nupkg":
                throw LibraryErrors.NotSupportedYet(fullPath);

            default:
                throw LibraryErrors.UnknownKind(fullPath);
        }
    }

    private static string CheckName(string source, string name) =>
        LibraryNames.IsValid(name) ? name : throw LibraryErrors.BadName(source, name);

    private ScriptLibrary Compile(string fullPath, LibraryKind kind, string contentHash, string name, string? version, IReadOnlyList<SourceFile> sources)
    {
        var assemblyPath = Path.Combine(CacheFolder(contentHash), name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            LibraryCompiler.Compile(Path.GetFileName(fullPath), name, sources, assemblyPath);
        }

        var metadata = AssemblyMetadata.Read(assemblyPath, Path.GetFileName(assemblyPath));
        return new ScriptLibrary(name, version, fullPath, kind, contentHash, assemblyPath, metadata.ExportedTypes);
    }

    /// <summary>
    /// The cache folder of one content: named by the content's hash and the DevEndpoint core build the library is
    /// compiled against, so a new core build never reuses a library compiled against an older one.
    /// </summary>
    private string CacheFolder(string contentHash) =>
        Path.Combine(options.CacheFolder, $"{contentHash[..16]}-{typeof(DataCatalog).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8]}");
}
