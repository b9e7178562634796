using System.IO.Compression;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// Reads a library archive (a zip with one library folder of .cs files at its root) into memory, rejecting entries that
/// escape the root, absolute paths, drive letters, links, and archives that expand too much. Nothing is extracted to disk.
/// </summary>
internal static class LibraryArchive
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private const string MacResourceFolder = "__MACOSX";

    public sealed record Contents(string FolderName, IReadOnlyList<SourceFile> Sources, LibraryManifest? Manifest);

    public static Contents Read(string path, LibraryOptions options)
    {
        var archiveName = Path.GetFileName(path);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw LibraryErrors.NotAZip(archiveName, e.Message);
        }

        using (zip)
        {
            if (zip.Entries.Count > options.MaxEntries)
            {
                throw LibraryErrors.TooManyEntries(archiveName, zip.Entries.Count, options.MaxEntries);
            }

            var entries = zip.Entries.Select(e => (Entry: e, Name: Check(archiveName, e, options))).Where(e => e.Name is not null).ToList();
            var total = entries.Sum(e => e.Entry.Length);
            if (total > options.MaxUncompressedBytes)
            {
                var largest = entries.MaxBy(e => e.Entry.Length).Entry;
                throw LibraryErrors.Entry(archiveName, largest.FullName, $"the archive expands to {total:N0} bytes, more than the {options.MaxUncompressedBytes:N0} allowed");
            }

            var folder = LibraryFolder(archiveName, entries.Select(e => e.Name!));
            var sources = new List<SourceFile>();
            LibraryManifest? manifest = null;
            foreach (var (entry, name) in entries)
            {
                var isSource = name!.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !name.EndsWith('/');
                var isManifest = name == $"{folder}/{LibraryManifest.FileName}";
                if (!isSource && !isManifest)
                {
                    continue;
                }

                var content = ReadEntry(archiveName, entry);
                var displayPath = $"{archiveName}!{name}";
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
                throw LibraryErrors.NoSources(archiveName, folder + "/");
            }

            return new Contents(folder, sources, manifest);
        }
    }

    /// <summary>The entry's name with '/' separators, or null for entries that are skipped (macOS resource forks); throws for unsafe entries.</summary>
    private static string? Check(string archiveName, ZipArchiveEntry entry, LibraryOptions options)
    {
        var raw = entry.FullName;
        var name = raw.Replace('\\', '/');
        if (name.StartsWith('/'))
        {
            throw LibraryErrors.Entry(archiveName, raw, "it is an absolute path");
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            throw LibraryErrors.Entry(archiveName, raw, "it starts with a drive letter");
        }

        if (name.Split('/').Any(part => part == ".."))
        {
            throw LibraryErrors.Entry(archiveName, raw, "it climbs out of the archive root with '..'");
        }

        if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
        {
            throw LibraryErrors.Entry(archiveName, raw, "it is a symbolic link");
        }

        if (entry.Length >= options.RatioCheckMinimumBytes && entry.Length > entry.CompressedLength * options.MaxCompressionRatio)
        {
            var ratio = entry.CompressedLength == 0 ? double.PositiveInfinity : (double)entry.Length / entry.CompressedLength;
            throw LibraryErrors.Entry(archiveName, raw, $"it expands {ratio:0}:1 ({entry.CompressedLength:N0} to {entry.Length:N0} bytes), more than the {options.MaxCompressionRatio:0}:1 allowed");
        }

        return name.Split('/')[0] == MacResourceFolder ? null : name;
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

    /// <summary>Reads an entry, holding it to the size its header declares (a forged header cannot expand it further).</summary>
    private static byte[] ReadEntry(string archiveName, ZipArchiveEntry entry)
    {
        var content = new byte[entry.Length];
        try
        {
            using var stream = entry.Open();
            stream.ReadExactly(content);
            if (stream.ReadByte() != -1)
            {
                throw LibraryErrors.Entry(archiveName, entry.FullName, $"it holds more than the {entry.Length:N0} bytes its header declares");
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw LibraryErrors.Entry(archiveName, entry.FullName, $"it cannot be read ({e.Message})");
        }

        return content;
    }
}
