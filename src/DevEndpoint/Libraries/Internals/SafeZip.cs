using System.IO.Compression;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// A zip archive opened for reading in memory, its entries checked first: entries that escape the root (<c>..</c>,
/// absolute paths, drive letters), links, too many entries, too many bytes uncompressed, or an entry that expands too
/// much for its size are rejected, naming the entry and why. Nothing is ever extracted to disk.
/// </summary>
internal sealed class SafeZip : IDisposable
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private const string MacResourceFolder = "__MACOSX";

    private readonly ZipArchive zip;

    private SafeZip(ZipArchive zip, string archiveName, IReadOnlyList<(ZipArchiveEntry Entry, string Name)> entries)
    {
        this.zip = zip;
        ArchiveName = archiveName;
        Entries = entries;
    }

    /// <summary>The archive's file name, as messages name it.</summary>
    public string ArchiveName { get; }

    /// <summary>The entries (macOS resource forks left out), with names that use '/' separators.</summary>
    public IReadOnlyList<(ZipArchiveEntry Entry, string Name)> Entries { get; }

    public static SafeZip Open(string path, LibraryOptions options)
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

        try
        {
            if (zip.Entries.Count > options.MaxEntries)
            {
                throw LibraryErrors.TooManyEntries(archiveName, zip.Entries.Count, options.MaxEntries);
            }

            var entries = zip.Entries.Select(e => (Entry: e, Name: Check(archiveName, e, options))).Where(e => e.Name is not null).Select(e => (e.Entry, e.Name!)).ToList();
            var total = entries.Sum(e => e.Entry.Length);
            if (total > options.MaxUncompressedBytes)
            {
                var largest = entries.MaxBy(e => e.Entry.Length).Entry;
                throw LibraryErrors.Entry(archiveName, largest.FullName, $"the archive expands to {total:N0} bytes, more than the {options.MaxUncompressedBytes:N0} allowed");
            }

            return new SafeZip(zip, archiveName, entries);
        }
        catch
        {
            zip.Dispose();
            throw;
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

    /// <summary>Reads an entry, holding it to the size its header declares (a forged header cannot expand it further).</summary>
    public byte[] Read(ZipArchiveEntry entry)
    {
        var content = new byte[entry.Length];
        try
        {
            using var stream = entry.Open();
            stream.ReadExactly(content);
            if (stream.ReadByte() != -1)
            {
                throw LibraryErrors.Entry(ArchiveName, entry.FullName, $"it holds more than the {entry.Length:N0} bytes its header declares");
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw LibraryErrors.Entry(ArchiveName, entry.FullName, $"it cannot be read ({e.Message})");
        }

        return content;
    }

    public void Dispose() => zip.Dispose();
}
