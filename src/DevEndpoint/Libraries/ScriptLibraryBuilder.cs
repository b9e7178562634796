using System.Security.Cryptography;
using DevEndpoint.Catalog;
using DevEndpoint.Libraries.Internals;
using DevEndpoint.Sources.ObjectStores;

namespace DevEndpoint.Libraries;

/// <summary>
/// Builds script libraries, as a Glue development endpoint takes them: a single <c>.cs</c> file, or a <c>.zip</c> with
/// one library folder of <c>.cs</c> files at its root (and an optional <c>library.json</c> in it giving a name and a
/// version); also a compiled <c>.dll</c>, a <c>.nupkg</c>, or <c>nuget:&lt;id&gt;,&lt;version&gt;</c> from the NuGet packages
/// folder. Sources compile with Roslyn against the DevEndpoint core and Microsoft.Data.Analysis into the library cache,
/// once per distinct content.
/// </summary>
public sealed class ScriptLibraryBuilder(LibraryOptions? options = null)
{
    private const string NuGetPrefix = "nuget:";

    private readonly LibraryOptions options = options ?? new LibraryOptions();

    /// <summary>
    /// Splits a comma-separated list of library paths, as Glue takes them; <c>nuget:&lt;id&gt;,&lt;version&gt;</c> keeps its comma.
    /// </summary>
    public static IReadOnlyList<string> SplitPaths(string paths)
    {
        var result = new List<string>();
        foreach (var part in paths.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (result.Count > 0 && result[^1].StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase) && !result[^1].Contains(',', StringComparison.Ordinal) && char.IsAsciiDigit(part[0]))
            {
                result[^1] += "," + part;
            }
            else
            {
                result.Add(part);
            }
        }

        return result;
    }

    /// <summary>Builds the library at <paramref name="path"/> (relative to the current folder), or reuses the build of identical content.</summary>
    /// <exception cref="LibraryCompilationException">The sources do not compile.</exception>
    /// <exception cref="DevEndpointException">The file is missing, of an unknown kind, or an unsafe or malformed archive.</exception>
    public ScriptLibrary Build(string path)
    {
        if (S3Path.IsS3(path))
        {
            throw LibraryErrors.InObjectStore(path);
        }

        var fullPath = path.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase) ? PackageInFolder(path) : Path.GetFullPath(path);
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
                {
                    var package = NuGetPackage.Read(fullPath, options);
                    var assemblyPath = Path.Combine(CacheFolder(contentHash), package.AssemblyName);
                    if (!File.Exists(assemblyPath))
                    {
                        AtomicFile.Write(assemblyPath, package.Assembly);
                    }

                    var metadata = AssemblyMetadata.Read(assemblyPath, $"{fileName}!{package.AssemblyName}");
                    return new ScriptLibrary(metadata.Name, package.Version, fullPath, LibraryKind.Package, contentHash, assemblyPath, metadata.ExportedTypes);
                }

            default:
                throw LibraryErrors.UnknownKind(fullPath);
        }
    }

    /// <summary>
    /// Downloads a library stored in an object store (<c>s3://bucket/libs/cleaning.zip</c>) into the library cache's
    /// private <c>downloads/&lt;bucket&gt;/&lt;key&gt;</c> (streamed to a temporary file, then renamed, replacing an earlier
    /// download), and returns the local path for <see cref="Build"/>.
    /// </summary>
    public async Task<string> DownloadAsync(string path, ObjectStore store, CancellationToken cancellationToken = default)
    {
        var stored = S3Path.Parse(path);
        var segments = stored.Key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".."))
        {
            throw new DevEndpointException($"'{path}' does not name a library file. Write it as s3://bucket/libs/cleaning.zip.");
        }

        var local = Path.Combine([options.CacheFolder, "downloads", stored.Bucket, .. segments]);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await store.DownloadAsync(stored, local, cancellationToken);
        return local;
    }

    /// <summary>The <c>.nupkg</c> of <c>nuget:&lt;id&gt;,&lt;version&gt;</c> in the NuGet packages folder, where a restore puts it.</summary>
    private string PackageInFolder(string reference)
    {
        var parts = reference[NuGetPrefix.Length..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Contains('/', StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal) || p.Contains("..", StringComparison.Ordinal)))
        {
            throw LibraryErrors.BadPackageReference(reference);
        }

        var (id, version) = (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant());
        var path = Path.Combine(options.PackagesFolder, id, version, $"{id}.{version}.nupkg");
        return File.Exists(path) ? path : throw LibraryErrors.NotInPackagesFolder(reference, parts[0], parts[1], options.PackagesFolder);
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
