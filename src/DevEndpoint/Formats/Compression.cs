using System.IO.Compression;
using DevEndpoint.Formats.Compressions;
using ICSharpCode.SharpZipLib.BZip2;
using ICSharpCode.SharpZipLib.GZip;
using ICSharpCode.SharpZipLib.Zip.Compression.Streams;
using Snappier;
using ZstdSharp;

namespace DevEndpoint.Formats;

/// <summary>Compression recognised by a file's first bytes (not its name), as recorded in <c>compressionType</c>.</summary>
internal static class Compression
{
    public const string None = "none";
    public const string Gzip = "gzip";
    public const string Bzip2 = "bzip2";
    public const string Zstd = "zstd";
    public const string Deflate = "deflate";
    public const string Zip = "zip";
    public const string Snappy = "snappy";

    /// <summary>Tells the compression of a file from its magic bytes.</summary>
    public static string Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0x1f, 0x8b, ..] => Gzip,
        [(byte)'B', (byte)'Z', (byte)'h', >= (byte)'1' and <= (byte)'9', ..] => Bzip2,
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Zstd,
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => Zip,
        [0xff, 0x06, 0x00, 0x00, (byte)'s', (byte)'N', (byte)'a', (byte)'P', (byte)'p', (byte)'Y', ..] => Snappy,
        _ when ZlibHeader.Matches(head) => Deflate,
        _ => None,
    };

    /// <summary>Opens a file for reading its decompressed bytes.</summary>
    public static Stream OpenRead(string path, string compression)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Decompress(file, compression, leaveOpen: false);
    }

    /// <summary>
    /// Wraps a stream of stored bytes in a stream of decompressed bytes. Bytes that cannot be decompressed (corrupt,
    /// truncated, a zip archive not holding exactly one file) make reads throw <see cref="InvalidDataException"/>.
    /// </summary>
    public static Stream Decompress(Stream stored, string compression, bool leaveOpen) => compression switch
    {
        None => stored,
        Gzip => new DecodingStream(stored, leaveOpen, compression, s => new GZipInputStream(s) { IsStreamOwner = false }),
        Bzip2 => new DecodingStream(stored, leaveOpen, compression, s => new BZip2InputStream(s) { IsStreamOwner = false }),
        Zstd => new DecodingStream(stored, leaveOpen, compression, s => new DecompressionStream(s, leaveOpen: true)),
        Deflate => new DecodingStream(stored, leaveOpen, compression, s => new InflaterInputStream(s) { IsStreamOwner = false }),
        Snappy => new DecodingStream(stored, leaveOpen, compression, s => new SnappyStream(new SnappyFrames(s), CompressionMode.Decompress, leaveOpen: true)),
        Zip => new DecodingStream(stored, leaveOpen, compression, s => SingleEntryZip.Open(s, leaveOpen: true)),
        _ => throw new ArgumentException($"Unknown compression '{compression}'.", nameof(compression)),
    };

    /// <summary>Reads the first bytes of a file (fewer when the file is shorter).</summary>
    public static byte[] ReadHead(string path, int count)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[Math.Min(count, file.Length)];
        file.ReadExactly(buffer);
        return buffer;
    }
}
