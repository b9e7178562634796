namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// Reads a library archive (a zip with one library folder of .cs files at its root, checked by <see cref="SafeZip"/>)
/// into memory: its sources and its optional <c>library.json</c>.
/// </summary>
internal static class LibraryArchive
{
    public sealed record Contents(string FolderName, IReadOnlyList<SourceFile> Sources, LibraryManifest? Manifest);

    public static Contents Read(string path, LibraryOptions options)
    {
        using var zip = SafeZip.Open(path, options);
        var folder = LibraryFolder(zip.ArchiveName, zip.Entries.Select(e => e.Name));
        var sources = new List<SourceFile>();
        LibraryManifest? manifest = null;
        foreach (var (entry, name) in zip.Entries)
        {
            var isSource = name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !name.EndsWith('/');
            var isManifest = name == $"{folder}/{LibraryManifest.FileName}";
            if (!isSource && !isManifest)
            {
                continue;
            }

            var content = zip.Read(entry);
            var displayPath = $"{zip.ArchiveName}!{name}";
            if (isManifest)
            {
                manifest = LibraryManifest.Parse(displayPath, content);
            }
            else
            {
                sources.Add(new SourceFile(displayPath, content));
            }
        }

        if (sources.Count == 0)
        {
            throw LibraryErrors.NoSources(zip.ArchiveName, folder + "/");
        }

        return new Contents(folder, sources, manifest);
    }

    /// <summary>The one folder at the archive's root that holds the library; source files beside it at the root are rejected.</summary>
    private static string LibraryFolder(string archiveName, IEnumerable<string> names)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var rootSources = new List<string>();
        foreach (var name in names)
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                folders.Add(name[..slash]);
            }
            else if (name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                rootSources.Add(name);
            }
        }

        return folders.Count switch
        {
            0 => throw LibraryErrors.NoLibraryFolder(archiveName),
            1 when rootSources.Count > 0 => throw LibraryErrors.Entry(archiveName, rootSources[0], $"source files belong in the library folder '{folders.Min}/', not at the archive root"),
            1 => folders.Min!,
            _ => throw LibraryErrors.SeveralLibraryFolders(archiveName, folders),
        };
    }
}
