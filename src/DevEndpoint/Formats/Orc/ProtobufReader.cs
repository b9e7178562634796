namespace DevEndpoint.Formats.Orc;

/// <summary>Reads protobuf's wire format field by field: the little that ORC's postscript and footer need.</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> bytes = bytes;
    private int position;

    public readonly bool AtEnd => position >= bytes.Length;

    /// <summary>Moves to the next field; <c>false</c> at the end of the message.</summary>
    public bool Next(out int field, out int wireType)
    {
        if (AtEnd)
        {
            (field, wireType) = (0, 0);
            return false;
        }

        var key = ReadVarint();
        (field, wireType) = ((int)(key >> 3), (int)(key & 7));
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("a protobuf number is longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(bytes.Length - position))
        {
            throw new InvalidDataException("a protobuf field runs past the end of its message");
        }

        var value = bytes.Slice(position, (int)length);
        position += (int)length;
        return value;
    }

    /// <summary>Skips the value of a field this reader does not need.</summary>
    public void Skip(int wireType)
    {
        var length = wireType switch
        {
            0 => 0,
            1 => 8,
            5 => 4,
            2 => -1,
            _ => throw new InvalidDataException($"a protobuf field has the unsupported wire type {wireType}"),
        };
        if (length < 0)
        {
            ReadBytes();
        }
        else if (length == 0)
        {
            ReadVarint();
        }
        else if (position + length > bytes.Length)
        {
            throw new InvalidDataException("a protobuf field runs past the end of its message");
        }
        else
        {
            position += length;
        }
    }

    private byte Byte() =>
        position < bytes.Length ? bytes[position++] : throw new InvalidDataException("a protobuf message ends inside a number");
}
