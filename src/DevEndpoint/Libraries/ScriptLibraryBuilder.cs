using System.Security.Cryptography;
using DevEndpoint.Catalog;
using DevEndpoint.Libraries.Internals;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Libraries;

/// <summary>
/// Builds script libraries, as a Glue development endpoint takes them: a single <c>.cs</c> file, or a <c>.zip</c> with
/// one library folder of <c>.cs</c> files at its root (and an optional <c>library.json</c> in it giving a name, a
/// version and NuGet dependencies); also a compiled <c>.dll</c>, a <c>.nupkg</c>, or <c>nuget:&lt;id&gt;,&lt;version&gt;</c>
/// restored from the NuGet sources. NuGet dependencies are restored with their own for the running .NET. Sources compile
/// with Roslyn against the DevEndpoint core, Microsoft.Data.Analysis and the dependencies into the library cache, once
/// per distinct content.
/// </summary>
public sealed partial class ScriptLibraryBuilder(LibraryOptions? options = null)
{
    public const string NuGetPrefix = "nuget:";

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

    /// <summary>
    /// Builds the library at <paramref name="path"/> (relative to the current folder), or reuses the build of identical content;
    /// NuGet dependencies (of <c>library.json</c>, a <c>.nupkg</c>, or a <c>nuget:</c> package) are restored with it.
    /// </summary>
    /// <param name="path">The library file, or <c>nuget:&lt;id&gt;,&lt;version&gt;</c>.</param>
    /// <param name="restoring">Told what is being restored before each restore starts (a restore may take a while).</param>
    /// <exception cref="LibraryCompilationException">The sources do not compile.</exception>
    /// <exception cref="DevEndpointException">
    /// The file is missing, of an unknown kind, or an unsafe or malformed archive; or a dependency cannot be restored.
    /// </exception>
    public ScriptLibrary Build(string path, Action<string>? restoring = null)
    {
        if (S3Path.IsS3(path))
        {
            throw LibraryErrors.InObjectStore(path);
        }

        if (path.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return BuildReference(path, restoring);
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw LibraryErrors.NotFound(fullPath);
        }

        var bytes = File.ReadAllBytes(fullPath);
        var contentHash = Hash(bytes);
        var fileName = Path.GetFileName(fullPath);
        switch (Path.GetExtension(fullPath).ToLowerInvariant())
        {
            case ".cs":
                {
                    var name = CheckName(fileName, Path.GetFileNameWithoutExtension(fullPath));
                    return Compile(fullPath, LibraryKind.SourceFile, contentHash, name, null, [new SourceFile(fileName, bytes)], [], restoring);
                }

            case ".zip":
                {
                    var archive = LibraryArchive.Read(fullPath, options);
                    var name = archive.Manifest?.Name ?? CheckName(fileName, archive.FolderName);
                    return Compile(fullPath, LibraryKind.SourceArchive, contentHash, name, archive.Manifest?.Version, archive.Sources, archive.Manifest?.Packages ?? [], restoring);
                }

            case ".dll":
                {
                    var metadata = AssemblyMetadata.Read(fullPath, fileName);
                    CheckNotLoaded(fileName, metadata.Name);
                    var entry = CacheFolder(contentHash);
                    var assemblyPath = Path.Combine(entry, fileName);
                    if (!File.Exists(assemblyPath))
                    {
                        AtomicFile.Write(assemblyPath, bytes);
                    }

                    MarkUsed(entry);
                    return new ScriptLibrary(metadata.Name, null, fullPath, LibraryKind.Assembly, contentHash, assemblyPath, metadata.ExportedTypes);
                }

            case ".nupkg":
                return Package(fullPath, contentHash, dependencies: null, restoring);

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

    /// <summary>
    /// <c>nuget:&lt;id&gt;,&lt;version&gt;</c>: that exact version, restored with its dependencies into the NuGet packages folder (no
    /// restore when the package is there and was attached before).
    /// </summary>
    private ScriptLibrary BuildReference(string reference, Action<string>? restoring)
    {
        var parts = reference[NuGetPrefix.Length..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !new PackageRequest(parts[0], parts[1]).IsValid || parts[0].Contains("..", StringComparison.Ordinal))
        {
            throw LibraryErrors.BadPackageReference(reference);
        }

        var (id, version) = (parts[0], parts[1]);
        var nupkg = PackageInFolder(id, version);
        if (File.Exists(nupkg) && Hash(File.ReadAllBytes(nupkg)) is var hash && CachedDependencies(CacheFolder(hash)) is { } cached)
        {
            return Package(nupkg, hash, cached, restoring);
        }

        var restored = PackageRestore.Restore(reference, [new PackageRequest(id, $"[{version}]")], options, restoring);
        var package = restored.First(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        nupkg = Path.Combine(package.Folder, $"{package.Id.ToLowerInvariant()}.{package.Version.ToLowerInvariant()}.nupkg");
        return Package(nupkg, Hash(File.ReadAllBytes(nupkg)), Dependencies(reference, restored.Where(p => p != package)), restoring);
    }

    /// <summary>
    /// A package's assembly, from the <c>.nupkg</c> into the cache, with <paramref name="dependencies"/>; when null, those the
    /// cache holds for this content, else those its nuspec names, restored.
    /// </summary>
    private ScriptLibrary Package(string fullPath, string contentHash, IReadOnlyList<LibraryDependency>? dependencies, Action<string>? restoring)
    {
        var source = Path.GetFileName(fullPath);
        var package = NuGetPackage.Read(fullPath, options);
        foreach (var (name, _) in package.Assemblies)
        {
            CheckNotLoaded(source, Path.GetFileNameWithoutExtension(name));
        }

        var entry = CacheFolder(contentHash);
        dependencies ??= CachedDependencies(entry)
            ?? (package.Dependencies.Count == 0 ? [] : Dependencies(source, PackageRestore.Restore(source, package.Dependencies, options, restoring)));
        var paths = new List<string>();
        var exported = new List<string>();
        foreach (var (name, bytes) in package.Assemblies)
        {
            var path = Path.Combine(entry, name);
            if (!File.Exists(path))
            {
                AtomicFile.Write(path, bytes);
            }

            paths.Add(path);
            exported.AddRange(AssemblyMetadata.Read(path, $"{source}!{name}").ExportedTypes);
        }

        KeepDependencies(entry, dependencies);
        var metadata = AssemblyMetadata.Read(paths[0], $"{source}!{package.Assemblies[0].Name}");
        return new ScriptLibrary(metadata.Name, package.Version, fullPath, LibraryKind.Package, contentHash, paths[0], exported.Order(StringComparer.Ordinal).ToList())
        {
            Dependencies = dependencies,
            Companions = paths[1..],
        };
    }

    /// <summary>Where <c>nuget:&lt;id&gt;,&lt;version&gt;</c>'s <c>.nupkg</c> is in the NuGet packages folder once restored.</summary>
    private string PackageInFolder(string id, string version)
    {
        var (lowerId, lowerVersion) = (id.ToLowerInvariant(), version.ToLowerInvariant());
        return Path.Combine(options.PackagesFolder, lowerId, lowerVersion, $"{lowerId}.{lowerVersion}.nupkg");
    }

    /// <summary>
    /// The restored packages as dependencies of <paramref name="source"/>: each assembly this process already has (see
    /// <see cref="LibraryCompiler.HostAssemblies"/>) in the same or a newer version is left to the loaded one; a newer one is refused.
    /// </summary>
    private static List<LibraryDependency> Dependencies(string source, IEnumerable<PackageRestore.Restored> restored)
    {
        var result = new List<LibraryDependency>();
        foreach (var package in restored.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
        {
            var assemblies = new List<string>();
            var loadedInstead = new List<string>();
            foreach (var assembly in package.Assemblies)
            {
                System.Reflection.AssemblyName name;
                try
                {
                    name = System.Reflection.AssemblyName.GetAssemblyName(assembly);
                }
                catch (BadImageFormatException)
                {
                    continue; // A native library beside the assemblies: nothing a C# session can reference.
                }

                if (!LibraryCompiler.HostAssemblies.TryGetValue(name.Name!, out var loaded))
                {
                    assemblies.Add(assembly);
                }
                else if (loaded >= name.Version)
                {
                    loadedInstead.Add($"{name.Name} {loaded}");
                }
                else
                {
                    throw LibraryErrors.NewerThanLoaded(source, package.Id, package.Version, name.Name!, name.Version!, loaded);
                }
            }

            result.Add(new LibraryDependency(package.Id, package.Version, assemblies, loadedInstead));
        }

        return result;
    }

    private static string CheckName(string source, string name) =>
        LibraryNames.IsValid(name) ? name : throw LibraryErrors.BadName(source, name);

    /// <summary>Refuses a library whose assembly has the name of one the process has (a second copy could not load, and would clash in every cell).</summary>
    private static void CheckNotLoaded(string source, string assemblyName)
    {
        if (LibraryCompiler.HostAssemblies.TryGetValue(assemblyName, out var loaded))
        {
            throw LibraryErrors.AlreadyLoaded(source, assemblyName, loaded);
        }
    }

    private ScriptLibrary Compile(string fullPath, LibraryKind kind, string contentHash, string name, string? version, IReadOnlyList<SourceFile> sources, IReadOnlyList<PackageRequest> packages, Action<string>? restoring)
    {
        CheckNotLoaded(Path.GetFileName(fullPath), name);
        var entry = CacheFolder(contentHash);
        var assemblyPath = Path.Combine(entry, name + ".dll");
        var dependencies = File.Exists(assemblyPath) ? CachedDependencies(entry) : null;
        if (dependencies is null)
        {
            var source = Path.GetFileName(fullPath);
            dependencies = packages.Count == 0 ? [] : Dependencies(source, PackageRestore.Restore(source, packages, options, restoring));
            LibraryCompiler.Compile(source, name, sources, dependencies.SelectMany(d => d.Assemblies), assemblyPath);
        }

        KeepDependencies(entry, dependencies);
        var metadata = AssemblyMetadata.Read(assemblyPath, Path.GetFileName(assemblyPath));
        return new ScriptLibrary(name, version, fullPath, kind, contentHash, assemblyPath, metadata.ExportedTypes) { Dependencies = dependencies };
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
