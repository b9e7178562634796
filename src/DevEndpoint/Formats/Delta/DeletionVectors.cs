using System.Buffers.Binary;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// The rows a Delta deletion vector deletes: a RoaringBitmapArray (Delta's 64-bit roaring bitmap: a 32-bit key, then a
/// roaring bitmap in the portable format, for each high half), inline as Z85 text or in a file beside the data.
/// </summary>
internal sealed class DeletionVectors(string root, string file, DeletionVectorDescriptor descriptor) : RowDeletes
{
    private const int ArrayMagic = 1681511377;
    private const string Z85Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    public override long? Count => descriptor.Cardinality;

    public override IReadOnlySet<long> Read()
    {
        try
        {
            var bytes = descriptor.StorageType switch
            {
                "i" => Z85Decode(descriptor.PathOrInlineDv)[..descriptor.SizeInBytes],
                "u" or "p" => FromFile(),
                _ => throw new InvalidDataException($"unknown storage type '{descriptor.StorageType}'"),
            };
            var rows = Bitmap(bytes);
            return rows.Count == descriptor.Cardinality
                ? rows
                : throw new InvalidDataException($"it holds {rows.Count} rows, and the log says {descriptor.Cardinality}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            throw DeltaErrors.BadDeletionVector(root, file, e.Message.TrimEnd('.'));
        }
    }

    /// <summary>The file of a deletion vector kept apart: <c>&lt;prefix&gt;/deletion_vector_&lt;uuid&gt;.bin</c> under the root, or a path.</summary>
    internal string Path()
    {
        if (descriptor.StorageType == "p")
        {
            return DeltaPaths.Full(root, descriptor.PathOrInlineDv);
        }

        var text = descriptor.PathOrInlineDv;
        var prefix = text[..^20];
        var uuid = new Guid(Z85Decode(text[^20..]), bigEndian: true);
        return System.IO.Path.Combine(root, prefix, $"deletion_vector_{uuid:D}.bin");
    }

    private byte[] FromFile()
    {
        using var stream = File.OpenRead(Path());
        stream.Position = descriptor.Offset ?? 1;
        var header = new byte[4];
        stream.ReadExactly(header);
        var size = BinaryPrimitives.ReadInt32BigEndian(header);
        if (size != descriptor.SizeInBytes)
        {
            throw new InvalidDataException($"its size is {size} bytes, and the log says {descriptor.SizeInBytes}");
        }

        var bytes = new byte[size];
        stream.ReadExactly(bytes);
        return bytes;
    }

    internal static byte[] Z85Decode(string text)
    {
        if (text.Length % 5 != 0)
        {
            throw new InvalidDataException($"its Z85 text has {text.Length} characters, not a multiple of 5");
        }

        var bytes = new byte[text.Length / 5 * 4];
        for (var i = 0; i < text.Length / 5; i++)
        {
            uint value = 0;
            for (var j = 0; j < 5; j++)
            {
                var digit = Z85Alphabet.IndexOf(text[(i * 5) + j], StringComparison.Ordinal);
                value = (value * 85) + (uint)(digit >= 0 ? digit : throw new InvalidDataException($"'{text[(i * 5) + j]}' is not a Z85 character"));
            }

            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), value);
        }

        return bytes;
    }

    /// <summary>The rows of a RoaringBitmapArray: its magic, the number of bitmaps, then each bitmap's key and bitmap.</summary>
    internal static HashSet<long> Bitmap(ReadOnlySpan<byte> bytes)
    {
        if (BinaryPrimitives.ReadInt32LittleEndian(bytes) != ArrayMagic)
        {
            throw new InvalidDataException("it does not start with the RoaringBitmapArray magic number");
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(bytes[4..]);
        var position = 12;
        var rows = new HashSet<long>();
        for (var i = 0L; i < count; i++)
        {
            var high = (long)BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]) << 32;
            position += 4;
            position += Roaring(bytes[position..], high, rows);
        }

        return rows;
    }

    /// <summary>Adds the values of one 32-bit roaring bitmap (portable format), with <paramref name="high"/> added; returns its length in bytes.</summary>
    private static int Roaring(ReadOnlySpan<byte> bytes, long high, HashSet<long> rows)
    {
        const int SerialCookieNoRun = 12346;
        const int SerialCookie = 12347;
        var cookie = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var position = 4;
        int containers;
        ReadOnlySpan<byte> runFlags = default;
        var hasRuns = (cookie & 0xFFFF) == SerialCookie;
        if (hasRuns)
        {
            containers = (int)(cookie >> 16) + 1;
            runFlags = bytes.Slice(position, (containers + 7) / 8);
            position += (containers + 7) / 8;
        }
        else if (cookie == SerialCookieNoRun)
        {
            containers = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]);
            position += 4;
        }
        else
        {
            throw new InvalidDataException("a bitmap in it does not start with a roaring cookie");
        }

        var keys = new int[containers];
        var cardinalities = new int[containers];
        for (var c = 0; c < containers; c++)
        {
            keys[c] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
            cardinalities[c] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(position + 2)..]) + 1;
            position += 4;
        }

        if (!hasRuns || containers >= 4)
        {
            position += 4 * containers;
        }

        for (var c = 0; c < containers; c++)
        {
            var baseValue = high | ((long)keys[c] << 16);
            if (hasRuns && (runFlags[c / 8] & (1 << (c % 8))) != 0)
            {
                var runs = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
                position += 2;
                for (var r = 0; r < runs; r++)
                {
                    var start = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
                    var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(position + 2)..]);
                    position += 4;
                    for (var v = 0; v <= length; v++)
                    {
                        rows.Add(baseValue + start + v);
                    }
                }
            }
            else if (cardinalities[c] <= 4096)
            {
                for (var v = 0; v < cardinalities[c]; v++)
                {
                    rows.Add(baseValue + BinaryPrimitives.ReadUInt16LittleEndian(bytes[(position + (2 * v))..]));
                }

                position += 2 * cardinalities[c];
            }
            else
            {
                for (var w = 0; w < 1024; w++)
                {
                    var word = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(position + (8 * w))..]);
                    while (word != 0)
                    {
                        rows.Add(baseValue + (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word));
                        word &= word - 1;
                    }
                }

                position += 8192;
            }
        }

        return position;
    }
}
