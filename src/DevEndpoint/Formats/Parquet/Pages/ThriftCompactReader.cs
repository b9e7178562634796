namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>
/// Reads Thrift's compact protocol from bytes held in memory (how Parquet writes its page headers): field headers,
/// zigzag varints, binaries, and the skipping of any field not asked for. Every length is checked against the bytes
/// there are; running out, or nesting deeper than <see cref="MaxDepth"/>, throws <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> data)
{
    public const byte Stop = 0, BooleanTrue = 1, BooleanFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    /// <summary>How deeply structs, lists and maps may nest in what is skipped.</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> data = data;

    /// <summary>How many bytes have been read.</summary>
    public int Position { get; private set; }

    /// <summary>
    /// The next field of the struct being read: <c>false</c> at its end. <paramref name="lastId"/> is the id of the
    /// struct's previous field (0 at its start), from which a short header's id is a delta.
    /// </summary>
    public bool TryReadField(ref short lastId, out short id, out byte type)
    {
        var header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == Stop)
        {
            id = 0;
            return false;
        }

        var delta = header >> 4;
        id = delta == 0 ? checked((short)ZigZag(ReadVarint())) : checked((short)(lastId + delta));
        lastId = id;
        return true;
    }

    public int ReadI32() => checked((int)ZigZag(ReadVarint()));

    public long ReadI64() => ZigZag(ReadVarint());

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - Position))
        {
            throw new InvalidDataException($"a Thrift binary of {length} bytes runs past the end of its {data.Length} bytes");
        }

        var value = data.Slice(Position, (int)length);
        Position += (int)length;
        return value;
    }

    /// <summary>Skips a value of the given type (a field's value, after its header).</summary>
    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"Thrift values nest deeper than {MaxDepth} levels");
        }

        switch (type)
        {
            case BooleanTrue or BooleanFalse:
                break;
            case Byte:
                Advance(1);
                break;
            case I16 or I32 or I64:
                ReadVarint();
                break;
            case Double:
                Advance(8);
                break;
            case Binary:
                ReadBinary();
                break;
            case List or Set:
                var header = ReadByte();
                var count = (ulong)(header >> 4);
                if (count == 15)
                {
                    count = ReadVarint();
                }

                SkipElements(count, (byte)(header & 0x0F), depth);
                break;
            case Map:
                var entries = ReadVarint();
                if (entries > 0)
                {
                    var types = ReadByte();
                    for (var i = 0UL; i < entries; i++)
                    {
                        SkipElement((byte)(types >> 4), depth);
                        SkipElement((byte)(types & 0x0F), depth);
                    }
                }

                break;
            case Struct:
                short lastId = 0;
                while (TryReadField(ref lastId, out _, out var fieldType))
                {
                    Skip(fieldType, depth + 1);
                }

                break;
            default:
                throw new InvalidDataException($"unknown Thrift type {type}");
        }
    }

    private void SkipElements(ulong count, byte type, int depth)
    {
        for (var i = 0UL; i < count; i++)
        {
            SkipElement(type, depth);
        }
    }

    /// <summary>An element of a list, set or map: a boolean there takes a byte of its own.</summary>
    private void SkipElement(byte type, int depth)
    {
        if (type is BooleanTrue or BooleanFalse)
        {
            Advance(1);
        }
        else
        {
            Skip(type, depth + 1);
        }
    }

    private byte ReadByte()
    {
        if (Position >= data.Length)
        {
            throw new InvalidDataException($"Thrift data ends after {data.Length} bytes, part-way through a value");
        }

        return data[Position++];
    }

    private void Advance(int count)
    {
        if (count > data.Length - Position)
        {
            throw new InvalidDataException($"Thrift data ends after {data.Length} bytes, part-way through a value");
        }

        Position += count;
    }

    /// <summary>An unsigned LEB128 varint of at most 10 bytes.</summary>
    private ulong ReadVarint()
    {
        var value = 0UL;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a Thrift varint runs longer than 10 bytes");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
