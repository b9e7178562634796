using System.IO.Compression;

namespace DevEndpoint.Formats.Compressions;

/// <summary>
/// A zlib stream (RFC 1950) has only a two-byte header: a head is taken for zlib when its header is one of
/// the three that compressors write at the fastest, default and best levels (none of them text), and its first bytes inflate.
/// </summary>
internal static class ZlibHeader
{
    public static bool Matches(ReadOnlySpan<byte> head)
    {
        if (head is not [0x78, 0x01 or 0x9c or 0xda, _, ..])
        {
            return false;
        }

        try
        {
            using var zlib = new ZLibStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
            return zlib.Read(new byte[1]) >= 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
