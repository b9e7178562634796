using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using Snappier;
using ZstdSharp;

namespace DevEndpoint.Tests.Formats.Compression;

/// <summary>Writes text files compressed with each codec the classifier recognises, using the codecs' own writers.</summary>
internal static class CompressedFiles
{
    public static string Write(TempFolder folder, string name, string compression, string text)
    {
        var path = folder.Combine(name.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        using (var compressed = Compress(file, compression, name))
        {
            compressed.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    private static Stream Compress(Stream file, string compression, string name)
    {
        switch (compression)
        {
            case "gzip": return new GZipStream(file, CompressionLevel.Fastest);
            case "bzip2": return new BZip2OutputStream(file);
            case "zstd": return new CompressionStream(file);
            case "deflate": return new ZLibStream(file, CompressionLevel.Optimal);
            case "snappy": return new SnappyStream(file, CompressionMode.Compress);
            case "zip":
                var archive = new ZipArchive(file, ZipArchiveMode.Create);
                return new ArchiveEntryStream(archive, archive.CreateEntry(Path.GetFileNameWithoutExtension(name)).Open());
            default: throw new ArgumentOutOfRangeException(nameof(compression));
        }
    }

    /// <summary>The one entry being written; closing it closes the archive.</summary>
    private sealed class ArchiveEntryStream(ZipArchive archive, Stream entry) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => entry.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => entry.Write(buffer, offset, count);

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
