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

    public static HashSet<long> Read(string path, long offset, long length)
    {
        using var file = File.OpenRead(path);
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

        return Roaring64(blob.AsSpan(8, size - 4));
    }

    /// <summary>A 64-bit Roaring bitmap, portable form: a count of buckets, each a 32-bit high key and a 32-bit Roaring bitmap.</summary>
    private static HashSet<long> Roaring64(ReadOnlySpan<byte> data)
    {
        var values = new HashSet<long>();
        var buckets = BinaryPrimitives.ReadInt64LittleEndian(data);
        var at = 8;
        for (var b = 0L; b < buckets; b++)
        {
            var high = (long)BinaryPrimitives.ReadUInt32LittleEndian(data[at..]) << 32;
            at += 4;
            at += Roaring32(data[at..], high, values);
        }

        return values;
    }

    /// <summary>Reads a 32-bit Roaring bitmap (portable form) into <paramref name="values"/>; returns the bytes it took.</summary>
    private static int Roaring32(ReadOnlySpan<byte> data, long high, HashSet<long> values)
    {
        const int SerialCookieNoRuns = 12346;
        const int SerialCookie = 12347;
        var cookie = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var at = 4;
        int size;
        var runs = ReadOnlySpan<byte>.Empty;
        if ((cookie & 0xFFFF) == SerialCookie)
        {
            size = (int)(cookie >> 16) + 1;
            runs = data.Slice(at, (size + 7) / 8);
            at += runs.Length;
        }
        else if (cookie == SerialCookieNoRuns)
        {
            size = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
            at += 4;
        }
        else
        {
            throw new InvalidDataException($"its deletion vector has a Roaring bitmap with the unknown cookie {cookie}");
        }

        var headers = data.Slice(at, size * 4);
        at += size * 4;
        if (runs.IsEmpty || size >= 4)
        {
            at += size * 4;
        }

        for (var i = 0; i < size; i++)
        {
            var key = high | ((long)BinaryPrimitives.ReadUInt16LittleEndian(headers[(i * 4)..]) << 16);
            var cardinality = BinaryPrimitives.ReadUInt16LittleEndian(headers[((i * 4) + 2)..]) + 1;
            if (!runs.IsEmpty && (runs[i / 8] & (1 << (i % 8))) != 0)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
                at += 2;
                for (var r = 0; r < count; r++, at += 4)
                {
                    var start = BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
                    var length = BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 2)..]);
                    for (var v = 0; v <= length; v++)
                    {
                        values.Add(key | (uint)(start + v));
                    }
                }
            }
            else if (cardinality <= 4096)
            {
                for (var v = 0; v < cardinality; v++, at += 2)
                {
                    values.Add(key | BinaryPrimitives.ReadUInt16LittleEndian(data[at..]));
                }
            }
            else
            {
                for (var word = 0; word < 1024; word++, at += 8)
                {
                    var bits = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
                    for (var bit = 0; bits != 0 && bit < 64; bit++)
                    {
                        if ((bits & (1UL << bit)) != 0)
                        {
                            values.Add(key | (uint)((word * 64) + bit));
                        }
                    }
                }
            }
        }

        return at;
    }
}
