using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.Checksum;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// A v3 deletion vector: a <c>deletion-vector-v1</c> blob in a Puffin file, at the offset and length the manifest
/// gives. The blob is a big-endian length, the magic <c>D1 D3 39 64</c>, a 64-bit Roaring bitmap of the deleted row
/// positions in its portable serialization, and the big-endian CRC-32 of magic and bitmap.
/// </summary>
internal static class IcebergDeletionVector
{
    private static readonly byte[] Magic = [0xD1, 0xD3, 0x39, 0x64];

    public static HashSet<long> Read(TableStorage storage, string path, long offset, long length)
    {
        using var file = storage.OpenRead(path);
        if (offset < 0 || length < 12 || offset + length > file.Length)
        {
            throw new InvalidDataException($"its deletion vector at byte {offset} ({length} bytes) is outside the file ({file.Length} bytes)");
        }

        var blob = new byte[length];
        file.Position = offset;
        file.ReadExactly(blob);
        var size = BinaryPrimitives.ReadInt32BigEndian(blob);
        if (size != length - 8 || !blob.AsSpan(4, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"the blob at byte {offset} is not a deletion vector (no D1 D3 39 64 magic)");
        }

        var crc = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(4 + size));
        var check = new Crc32();
        check.Update(new ArraySegment<byte>(blob, 4, size));
        if ((uint)check.Value != crc)
        {
            throw new InvalidDataException($"the deletion vector at byte {offset} fails its CRC-32 check");
        }

        return RoaringBitmaps.Read64(blob.AsSpan(8, size - 4));
    }
}
