using System.Buffers.Binary;
using System.Numerics;

namespace DevEndpoint.Formats;

/// <summary>
/// Decodes Roaring bitmaps in their portable serialization, the form Delta's and Iceberg's deletion vectors share: a
/// 64-bit bitmap is a count of buckets, each a 32-bit high key and a 32-bit bitmap; a 32-bit bitmap is a cookie, the
/// keys and cardinalities of its containers, then each container as runs, an array of values or a bitset.
/// </summary>
internal static class RoaringBitmaps
{
    private const int SerialCookieNoRuns = 12346;
    private const int SerialCookie = 12347;
    private const int MaxArrayCardinality = 4096;

    /// <summary>The values of a 64-bit Roaring bitmap: the count of buckets, then each bucket's high key and 32-bit bitmap.</summary>
    public static HashSet<long> Read64(ReadOnlySpan<byte> data)
    {
        var values = new HashSet<long>();
        var buckets = BinaryPrimitives.ReadInt64LittleEndian(data);
        var at = 8;
        for (var b = 0L; b < buckets; b++)
        {
            var high = (long)BinaryPrimitives.ReadUInt32LittleEndian(data[at..]) << 32;
            at += 4;
            at += Read32(data[at..], high, values);
        }

        return values;
    }

    /// <summary>Adds the values of one 32-bit Roaring bitmap, with <paramref name="high"/> added; returns the bytes it took.</summary>
    private static int Read32(ReadOnlySpan<byte> data, long high, HashSet<long> values)
    {
        var (size, hasRuns) = Header(data);
        var runs = hasRuns ? data.Slice(4, (size + 7) / 8) : ReadOnlySpan<byte>.Empty;
        var at = hasRuns ? 4 + runs.Length : 8;
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
            var rest = data[at..];
            at += !runs.IsEmpty && (runs[i / 8] & (1 << (i % 8))) != 0 ? AddRuns(rest, key, values)
                : cardinality <= MaxArrayCardinality ? AddArray(rest, key, cardinality, values)
                : AddBitset(rest, key, values);
        }

        return at;
    }

    /// <summary>The number of containers, and whether some are kept as runs (then their flags follow the cookie).</summary>
    private static (int Size, bool HasRuns) Header(ReadOnlySpan<byte> data)
    {
        var cookie = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if ((cookie & 0xFFFF) == SerialCookie)
        {
            return ((int)(cookie >> 16) + 1, true);
        }

        return cookie == SerialCookieNoRuns
            ? (BinaryPrimitives.ReadInt32LittleEndian(data[4..]), false)
            : throw new InvalidDataException($"a Roaring bitmap in it has the unknown cookie {cookie}");
    }

    private static int AddRuns(ReadOnlySpan<byte> data, long key, HashSet<long> values)
    {
        var count = BinaryPrimitives.ReadUInt16LittleEndian(data);
        var at = 2;
        for (var r = 0; r < count; r++, at += 4)
        {
            var start = BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 2)..]);
            for (var v = 0; v <= length; v++)
            {
                values.Add(key | (uint)(start + v));
            }
        }

        return at;
    }

    private static int AddArray(ReadOnlySpan<byte> data, long key, int cardinality, HashSet<long> values)
    {
        for (var v = 0; v < cardinality; v++)
        {
            values.Add(key | BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * v)..]));
        }

        return 2 * cardinality;
    }

    private static int AddBitset(ReadOnlySpan<byte> data, long key, HashSet<long> values)
    {
        for (var word = 0; word < 1024; word++)
        {
            var bits = BinaryPrimitives.ReadUInt64LittleEndian(data[(8 * word)..]);
            while (bits != 0)
            {
                values.Add(key | (uint)((word * 64) + BitOperations.TrailingZeroCount(bits)));
                bits &= bits - 1;
            }
        }

        return 8192;
    }
}
