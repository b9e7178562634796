using System.Buffers.Binary;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// The rows a Delta deletion vector deletes: a RoaringBitmapArray (Delta's 64-bit roaring bitmap: a 32-bit key, then a
/// roaring bitmap in the portable format, for each high half), inline as Z85 text or in a file beside the data.
/// </summary>
internal sealed class DeletionVectors(TableStorage storage, string root, string file, DeletionVectorDescriptor descriptor) : RowDeletes
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
            return DeltaPaths.Full(storage, root, descriptor.PathOrInlineDv);
        }

        var text = descriptor.PathOrInlineDv;
        var prefix = text[..^20];
        var uuid = new Guid(Z85Decode(text[^20..]), bigEndian: true);
        return TableStorage.Combine(root, prefix.Length == 0 ? $"deletion_vector_{uuid:D}.bin" : $"{prefix}/deletion_vector_{uuid:D}.bin");
    }

    private byte[] FromFile()
    {
        using var stream = storage.OpenRead(Path());
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

    /// <summary>The rows of a RoaringBitmapArray: its magic, then a 64-bit Roaring bitmap (the number of bitmaps, then each bitmap's key and bitmap).</summary>
    internal static HashSet<long> Bitmap(ReadOnlySpan<byte> bytes) =>
        BinaryPrimitives.ReadInt32LittleEndian(bytes) == ArrayMagic
            ? RoaringBitmaps.Read64(bytes[4..])
            : throw new InvalidDataException("it does not start with the RoaringBitmapArray magic number");
}
