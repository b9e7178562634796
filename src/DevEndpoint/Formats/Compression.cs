using System.IO.Compression;

namespace DevEndpoint.Formats;

/// <summary>Compression recognised by a file's first bytes (not its name), as recorded in <c>compressionType</c>.</summary>
public static class Compression
{
    public const string None = "none";
    public const string Gzip = "gzip";

    /// <summary>Tells the compression of a file from its magic bytes.</summary>
    public static string Detect(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b ? Gzip : None;

    /// <summary>Opens a file for reading its decompressed bytes.</summary>
    public static Stream OpenRead(string path, string compression)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Decompress(file, compression, leaveOpen: false);
    }

    /// <summary>Wraps a stream of stored bytes in a stream of decompressed bytes.</summary>
    public static Stream Decompress(Stream stored, string compression, bool leaveOpen) =>
        compression == Gzip ? new GZipStream(stored, CompressionMode.Decompress, leaveOpen) : stored;

    /// <summary>Reads the first bytes of a file (fewer when the file is shorter).</summary>
    public static byte[] ReadHead(string path, int count)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[Math.Min(count, file.Length)];
        file.ReadExactly(buffer);
        return buffer;
    }
}
