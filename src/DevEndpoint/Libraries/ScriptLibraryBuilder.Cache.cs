using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Libraries.Internals;

namespace DevEndpoint.Libraries;

/// <summary>The library cache: one folder per built content, its dependencies recorded beside the assembly, and its pruning.</summary>
public sealed partial class ScriptLibraryBuilder
{
    private const string DependenciesFile = "dependencies.json";

    /// <summary>
    /// Removes the builds in the cache folder (compiled and copied assemblies, leftover restore projects) last used longer
    /// than <see cref="LibraryOptions.CacheMaxAge"/> before <paramref name="now"/>, except those of <paramref name="librariesInUse"/>
    /// (the libraries of the stored endpoints) as their files are now; a build is used each time a library builds to it.
    /// Restored packages stay in the NuGet packages folder, which NuGet manages (<c>dotnet nuget locals global-packages --clear</c>).
    /// </summary>
    /// <returns>The folder names removed.</returns>
    public IReadOnlyList<string> PruneCache(IEnumerable<string> librariesInUse, DateTimeOffset now)
    {
        if (!Directory.Exists(options.CacheFolder))
        {
            return [];
        }

        var keep = librariesInUse.Select(EntryOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var restores = Path.Combine(options.CacheFolder, PackageRestore.RestoreFolderName);
        var entries = Directory.EnumerateDirectories(options.CacheFolder)
            .Where(e => e != restores)
            .Concat(Directory.Exists(restores) ? Directory.EnumerateDirectories(restores) : []);
        var removed = new List<string>();
        foreach (var entry in entries.Order(StringComparer.Ordinal).ToList())
        {
            if (keep.Contains(entry) || now - Directory.GetLastWriteTimeUtc(entry) <= options.CacheMaxAge)
            {
                continue;
            }

            try
            {
                Directory.Delete(entry, recursive: true);
                removed.Add(Path.GetRelativePath(options.CacheFolder, entry));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by another process, or not ours to delete: the next pruning tries again.
            }
        }

        return removed;
    }

    /// <summary>The cache folder the library at <paramref name="path"/> builds to as its file is now; null when there is no such file.</summary>
    private string? EntryOf(string path)
    {
        string file;
        if (path.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var parts = path[NuGetPrefix.Length..].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !new PackageRequest(parts[0], parts[1]).IsValid || parts[0].Contains("..", StringComparison.Ordinal))
            {
                return null;
            }

            file = PackageInFolder(parts[0], parts[1]);
        }
        else
        {
            file = Path.GetFullPath(path);
        }

        return File.Exists(file) ? CacheFolder(Hash(File.ReadAllBytes(file))) : null;
    }

    /// <summary>
    /// The cache folder of one content: named by the content's hash and the DevEndpoint core build the library is
    /// compiled against, so a new core build never reuses a library compiled against an older one.
    /// </summary>
    private string CacheFolder(string contentHash) =>
        Path.Combine(options.CacheFolder, $"{contentHash[..16]}-{typeof(DataCatalog).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8]}");

    /// <summary>The dependencies recorded for a cached build; null when none are recorded or a file they name is gone (so they are restored again).</summary>
    private static List<LibraryDependency>? CachedDependencies(string entry)
    {
        var path = Path.Combine(entry, DependenciesFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var dependencies = JsonSerializer.Deserialize<List<LibraryDependency>>(File.ReadAllBytes(path), CatalogJson.Indented);
            return dependencies is not null && dependencies.All(d => d.Assemblies.All(File.Exists)) ? dependencies : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Records the build's dependencies beside its assembly (when they are not yet), and marks the build as used now.</summary>
    private static void KeepDependencies(string entry, IReadOnlyList<LibraryDependency> dependencies)
    {
        var path = Path.Combine(entry, DependenciesFile);
        var json = JsonSerializer.SerializeToUtf8Bytes(dependencies, CatalogJson.Indented);
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(json))
        {
            AtomicFile.Write(path, json);
        }

        MarkUsed(entry);
    }

    /// <summary>Dates a build's folder to now, the time <see cref="PruneCache"/> counts its age from.</summary>
    private static void MarkUsed(string entry) => Directory.SetLastWriteTimeUtc(entry, DateTime.UtcNow);
}
