using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

/// <summary>
/// Builds a <see cref="StringDataFrameColumn"/> from arrays of values in one copy, and reads its values back without its
/// enumerator. The column's public constructors append value by value, which took about 50 ms of a 2M-row load, on one
/// core while the other waited; this fills the column's list of values directly. It reaches into the column's private
/// fields (as named in Microsoft.Data.Analysis 0.23.1); should a later version rename them, it falls back to appending
/// and enumerating, and a test says so.
/// </summary>
internal static class StringColumns
{
    private static bool direct = true;

    /// <summary>Whether the last build filled the column directly (for tests).</summary>
    internal static bool Direct => direct;

    /// <summary>A column named <paramref name="name"/> holding <paramref name="parts"/>' values in order.</summary>
    public static StringDataFrameColumn Create(string name, IReadOnlyList<ArraySegment<string?>> parts)
    {
        var length = parts.Sum(p => (long)p.Count);
        if (direct && length <= StringDataFrameColumn.MaxCapacity)
        {
            try
            {
                return Fill(name, parts, (int)length);
            }
            catch (MissingMemberException)
            {
                direct = false;
            }
        }

        return new StringDataFrameColumn(name, parts.SelectMany(p => p));
    }

    /// <summary>The UTF-8 bytes of a column's non-null values, read from its lists of values directly (value by value when that fails).</summary>
    public static long Utf8ByteCount(StringDataFrameColumn column)
    {
        if (direct)
        {
            try
            {
                var bytes = 0L;
                foreach (var buffer in Buffers(column))
                {
                    bytes += Utf8ByteCount(CollectionsMarshal.AsSpan(buffer));
                }

                return bytes;
            }
            catch (MissingMemberException)
            {
                direct = false;
            }
        }

        return column.Sum(value => value is null ? 0L : Encoding.UTF8.GetByteCount(value));
    }

    /// <summary>
    /// The UTF-8 bytes of <paramref name="values"/>. Values of a .NET-string column are mostly shared strings (categories),
    /// so each string's count is kept in a small cache by its identity and counted once while it stays there.
    /// </summary>
    private static long Utf8ByteCount(ReadOnlySpan<string?> values)
    {
        var cache = new (string? Text, int Bytes)[256];
        var bytes = 0L;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            ref var slot = ref cache[RuntimeHelpers.GetHashCode(value) & 255];
            if (!ReferenceEquals(slot.Text, value))
            {
                slot = (value, Encoding.UTF8.GetByteCount(value));
            }

            bytes += slot.Bytes;
        }

        return bytes;
    }

    private static StringDataFrameColumn Fill(string name, IReadOnlyList<ArraySegment<string?>> parts, int length)
    {
        var column = new StringDataFrameColumn(name, 0);
        var buffers = Buffers(column);
        if (buffers is not [var buffer] || buffer.Count != 0)
        {
            throw new MissingMemberException(nameof(StringDataFrameColumn), "_stringBuffers");
        }

        buffer.Capacity = length;
        CollectionsMarshal.SetCount(buffer, length);
        var values = CollectionsMarshal.AsSpan(buffer);
        var nulls = 0L;
        var at = 0;
        foreach (var part in parts)
        {
            part.AsSpan().CopyTo(values[at..]);
            foreach (var value in part.AsSpan())
            {
                nulls += value is null ? 1 : 0;
            }

            at += part.Count;
        }

        NullCount(column) = nulls;
        SetLength(column, length);
        return column;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_stringBuffers")]
    private static extern ref List<List<string?>> Buffers(StringDataFrameColumn column);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_nullCount")]
    private static extern ref long NullCount(StringDataFrameColumn column);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Length")]
    private static extern void SetLength(DataFrameColumn column, long length);
}
