using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>The values of one column chunk's pages, added to a builder page by page; a dictionary page is kept for the pages after it.</summary>
internal abstract class PageValues : IDisposable
{
    public const int Plain = 0, PlainDictionary = 2, Rle = 3, RleDictionary = 8;

    private int[] indices = [];

    /// <summary>Reads a dictionary page (its entries in the plain encoding).</summary>
    public abstract void ReadDictionary(ReadOnlySpan<byte> page, int count, int encoding);

    /// <summary>
    /// Adds <paramref name="rows"/> rows of a data page whose values are <paramref name="data"/>: with
    /// <paramref name="levels"/> empty every row has a value, otherwise a row has one where its level is 1.
    /// </summary>
    public abstract void Add(ReadOnlySpan<byte> data, int encoding, ReadOnlySpan<int> levels, int rows, ColumnSink builder);

    public virtual void Dispose()
    {
        Return(ref indices);
    }

    protected static int Present(ReadOnlySpan<int> levels, int rows) => levels.IsEmpty ? rows : rows - levels.Count(0);

    /// <summary>
    /// The dictionary indices of a page's <paramref name="count"/> values (a bit width byte, then the hybrid encoding),
    /// each checked against the <paramref name="entries"/> of the dictionary.
    /// </summary>
    protected ReadOnlySpan<int> Indices(ReadOnlySpan<byte> data, int count, int entries)
    {
        if (count == 0)
        {
            return [];
        }

        if (entries < 0)
        {
            throw new InvalidDataException("a dictionary-encoded page comes before any dictionary page");
        }

        if (data.IsEmpty)
        {
            throw new InvalidDataException($"a dictionary-encoded page of {count} values has no indices");
        }

        var target = Rent(ref indices, count);
        var read = data[0] == 0 ? target.Length : new HybridDecoder(data[1..], data[0]).Read(target);
        if (data[0] == 0)
        {
            target.Clear();
        }

        if (read < count)
        {
            throw new InvalidDataException($"a dictionary-encoded page holds {read} of its {count} indices");
        }

        foreach (var index in target)
        {
            if ((uint)index >= (uint)entries)
            {
                throw new InvalidDataException($"a dictionary index ({index}) is outside the dictionary of {entries} entries");
            }
        }

        return target;
    }

    /// <summary>The first <paramref name="count"/> items of a pooled array, renting a bigger one when it is too small.</summary>
    protected static Span<TItem> Rent<TItem>(ref TItem[] array, int count)
    {
        if (array.Length < count)
        {
            Return(ref array);
            array = ArrayPool<TItem>.Shared.Rent(count);
        }

        return array.AsSpan(0, count);
    }

    protected static void Return<TItem>(ref TItem[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<TItem>.Shared.Return(array);
        }

        array = [];
    }

    protected static InvalidDataException Unsupported(int encoding) => new($"a data page uses encoding {encoding}, which its column chunk's metadata does not list");

    protected static InvalidDataException TooShort(string what, long needed, int length) =>
        new($"{what} needs {needed} bytes but the page holds {length}");
}

/// <summary>Fixed-size values, added in bulk as the .NET type Parquet.Net reads them as (so the builder converts them as it always has).</summary>
internal sealed class TypedPageValues<T>(PlainValues<T> plain) : PageValues
    where T : struct
{
    private T[]? dictionary;
    private T[] values = [];
    private int[] bits = [];

    public override void ReadDictionary(ReadOnlySpan<byte> page, int count, int encoding)
    {
        if (encoding is not (Plain or PlainDictionary))
        {
            throw Unsupported(encoding);
        }

        if (plain.BytesFor(count) > page.Length)
        {
            throw TooShort($"a dictionary of {count} entries", plain.BytesFor(count), page.Length);
        }

        dictionary = new T[count];
        plain.Decode(page, dictionary);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(ReadOnlySpan<byte> data, int encoding, ReadOnlySpan<int> levels, int rows, ColumnSink builder)
    {
        var count = Present(levels, rows);
        var target = Rent(ref values, count);
        switch (encoding)
        {
            case Plain:
                if (plain.BytesFor(count) > data.Length)
                {
                    throw TooShort($"{count} values", plain.BytesFor(count), data.Length);
                }

                plain.Decode(data, target);
                break;
            case PlainDictionary or RleDictionary:
                var entries = Indices(data, count, dictionary?.Length ?? -1);
                for (var i = 0; i < entries.Length; i++)
                {
                    target[i] = dictionary![entries[i]];
                }

                break;
            case Rle when typeof(T) == typeof(bool):
                ReadRleBooleans(data, count);
                break;
            default:
                throw Unsupported(encoding);
        }

        if (levels.IsEmpty)
        {
            builder.AddValues(values, count);
            return;
        }

        builder.AddValues(values, levels[..rows]);
    }

    public override void Dispose()
    {
        Return(ref values);
        Return(ref bits);
        base.Dispose();
    }

    /// <summary>RLE booleans: the length of the runs in 4 bytes, then the hybrid encoding with bit width 1.</summary>
    private void ReadRleBooleans(ReadOnlySpan<byte> data, int count)
    {
        var length = data.Length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
        {
            throw new InvalidDataException($"the RLE booleans' length ({length}) does not fit in their page of {data.Length} bytes");
        }

        var decoded = Rent(ref bits, count);
        if (new HybridDecoder(data.Slice(4, length), 1).Read(decoded) < count)
        {
            throw new InvalidDataException($"a page of RLE booleans holds fewer than its {count} values");
        }

        var target = (bool[])(object)values;
        for (var i = 0; i < count; i++)
        {
            target[i] = decoded[i] == 1;
        }
    }
}

/// <summary>
/// UTF-8 strings (BYTE_ARRAY): each value's bytes go to the builder as they are, never as a .NET string of their own.
/// Binary values (<paramref name="base64"/>) go as their base64 text, as a binary column holds them.
/// </summary>
internal sealed class Utf8PageValues(bool base64) : PageValues, IUtf8Entries
{
    private byte[] dictionary = [];
    private (int Start, int Length)[] entries = [];
    private string?[] texts = [];
    private int entryCount = -1;
    private byte[] encoded = [];

    public override void ReadDictionary(ReadOnlySpan<byte> page, int count, int encoding)
    {
        if (encoding is not (Plain or PlainDictionary))
        {
            throw Unsupported(encoding);
        }

        if (count > page.Length / 4)
        {
            throw TooShort($"a dictionary of {count} strings", count * 4L, page.Length);
        }

        var slots = Rent(ref entries, count);
        var position = 0;
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var (start, size) = Next(page, ref position);
            var value = Text(page.Slice(start, size));
            value.CopyTo(Grow(ref dictionary, length, value.Length));
            slots[i] = (length, value.Length);
            length += value.Length;
        }

        Rent(ref texts, count).Clear();
        entryCount = count;
    }

    public ReadOnlySpan<byte> Bytes(int entry)
    {
        var (start, length) = entries[entry];
        return dictionary.AsSpan(start, length);
    }

    public string Text(int entry) => texts[entry] ??= Encoding.UTF8.GetString(Bytes(entry));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Add(ReadOnlySpan<byte> data, int encoding, ReadOnlySpan<int> levels, int rows, ColumnSink builder)
    {
        switch (encoding)
        {
            case Plain:
                var position = 0;
                for (var i = 0; i < rows; i++)
                {
                    if (!levels.IsEmpty && levels[i] == 0)
                    {
                        builder.AddNull();
                        continue;
                    }

                    var (start, length) = Next(data, ref position);
                    builder.TryAddUtf8(Text(data.Slice(start, length)), quoted: true);
                }

                break;
            case PlainDictionary or RleDictionary:
                builder.AddIndexed(this, Indices(data, Present(levels, rows), entryCount), levels, rows);
                break;
            default:
                throw Unsupported(encoding);
        }
    }

    public override void Dispose()
    {
        Return(ref dictionary);
        Return(ref entries);
        texts.AsSpan().Clear();
        Return(ref texts);
        Return(ref encoded);
        base.Dispose();
    }

    /// <summary>The next plain value: its length in 4 bytes, then its bytes; returns where they are.</summary>
    private static (int Start, int Length) Next(ReadOnlySpan<byte> data, ref int position)
    {
        var length = data.Length - position < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
        if (length < 0 || length > data.Length - position - 4)
        {
            throw new InvalidDataException($"a string's length ({length}) at byte {position} does not fit in its page of {data.Length} bytes");
        }

        position += 4 + length;
        return (position - length, length);
    }

    /// <summary>
    /// The <paramref name="count"/> bytes from <paramref name="at"/> of a pooled array that keeps the bytes before,
    /// renting a bigger one (twice the size needed) when it is too small.
    /// </summary>
    private static Span<byte> Grow(ref byte[] array, int at, int count)
    {
        if (array.Length - at < count)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, 2L * (at + count)));
            array.AsSpan(0, at).CopyTo(bigger);
            Return(ref array);
            array = bigger;
        }

        return array.AsSpan(at, count);
    }

    /// <summary>A value's text: its bytes, or for a binary value their base64 (in a buffer reused for the next value).</summary>
    private ReadOnlySpan<byte> Text(ReadOnlySpan<byte> value)
    {
        if (!base64)
        {
            return value;
        }

        var target = Grow(ref encoded, 0, Base64.GetMaxEncodedToUtf8Length(value.Length));
        Base64.EncodeToUtf8(value, target, out _, out var written);
        return target[..written];
    }
}
