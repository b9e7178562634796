using System.IO.Compression;

namespace DevEndpoint.Formats.Compressions;

/// <summary>A zip archive holding one file, read as that file's bytes (folders in the archive do not count).</summary>
internal static class SingleEntryZip
{
    public static Stream Open(Stream stored, bool leaveOpen)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stored, ZipArchiveMode.Read, leaveOpen);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException("its central directory, at the end of a zip file, is missing: the file is truncated or not a zip archive", e);
        }

        var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (files.Count != 1)
        {
            archive.Dispose();
            throw new InvalidDataException(files.Count == 0
                ? "the archive holds no file, but a zip file must hold exactly one. Replace it, or leave it out with --exclude"
                : $"the archive holds {files.Count} files ({string.Join(", ", files.Take(3).Select(f => f.FullName))}{(files.Count > 3 ? ", ..." : string.Empty)}), but a zip file must hold exactly one. Unzip it, or zip each file on its own");
        }

        return new EntryStream(archive, files[0].Open());
    }

    /// <summary>The entry's bytes; disposing it closes the archive too.</summary>
    private sealed class EntryStream(ZipArchive archive, Stream entry) : ForwardOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => entry.Read(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                entry.Dispose();
                archive.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
