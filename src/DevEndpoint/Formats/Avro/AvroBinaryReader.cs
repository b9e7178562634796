using System.Text;

namespace DevEndpoint.Formats.Avro;

/// <summary>The few parts of Avro's binary encoding a container header uses: zig-zag varint longs, and byte strings with a length.</summary>
internal sealed class AvroBinaryReader(Stream stream)
{
    private const int MaxMetadataValue = 16 << 20;

    public long ReadLong()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return (long)(value >> 1) ^ -(long)(value & 1);
            }
        }

        throw new InvalidDataException("its header holds a number longer than 10 bytes");
    }

    public byte[] ReadBytes()
    {
        var length = ReadLong();
        if (length is < 0 or > MaxMetadataValue)
        {
            throw new InvalidDataException($"its header holds a metadata entry of {length} bytes");
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The header's metadata: a map of string keys to byte values, in blocks ending with an empty one.</summary>
    public Dictionary<string, byte[]> ReadMetadata()
    {
        var metadata = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var count = ReadLong(); count != 0; count = ReadLong())
        {
            if (count < 0)
            {
                count = -count;
                ReadLong();
            }

            for (var i = 0; i < count; i++)
            {
                var key = Encoding.UTF8.GetString(ReadBytes());
                metadata[key] = ReadBytes();
            }
        }

        return metadata;
    }

    public void Skip(long count)
    {
        if (stream.Position + count > stream.Length)
        {
            throw new EndOfStreamException();
        }

        stream.Seek(count, SeekOrigin.Current);
    }
}
