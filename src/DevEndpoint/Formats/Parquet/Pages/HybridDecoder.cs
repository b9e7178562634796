namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>
/// Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary indices, RLE booleans): runs, each a varint
/// header whose low bit tells a repeated value (header &gt;&gt; 1 times, in ceil(width / 8) little-endian bytes) from
/// groups of 8 bit-packed values (header &gt;&gt; 1 groups, least significant bit first). Reads never go past the bytes
/// given: a run cut short yields the values it holds, and a value's bytes cut short throw <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct HybridDecoder
{
    private readonly ReadOnlySpan<byte> data;
    private readonly int bitWidth;
    private readonly uint mask;
    private int position;

    /// <summary>Values left in the current run; whether it repeats <see cref="repeated"/> or is bit-packed from <see cref="packed"/>.</summary>
    private int runLeft;
    private bool isRepeat;
    private int repeated;
    private int packed;
    private ulong bits;
    private int available;

    public HybridDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new InvalidDataException($"a bit width of {bitWidth} is out of range (0 to 32)");
        }

        this.data = data;
        this.bitWidth = bitWidth;
        mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
    }

    /// <summary>Fills <paramref name="values"/>; returns how many it could (fewer when the data ends first).</summary>
    public int Read(Span<int> values)
    {
        var count = 0;
        while (count < values.Length)
        {
            if (runLeft == 0 && !NextRun())
            {
                break;
            }

            var take = Math.Min(runLeft, values.Length - count);
            var target = values.Slice(count, take);
            if (isRepeat)
            {
                target.Fill(repeated);
            }
            else
            {
                Unpack(target);
            }

            count += take;
            runLeft -= take;
        }

        return count;
    }

    private void Unpack(Span<int> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            while (available < bitWidth)
            {
                bits |= (ulong)data[packed++] << available;
                available += 8;
            }

            target[i] = (int)((uint)bits & mask);
            bits >>= bitWidth;
            available -= bitWidth;
        }
    }

    private bool NextRun()
    {
        while (position < data.Length)
        {
            var header = ReadVarint();
            var count = header >> 1;
            if ((header & 1) == 0)
            {
                var width = (bitWidth + 7) / 8;
                if (width > data.Length - position)
                {
                    throw new InvalidDataException($"a repeated run's value runs past the end of its {data.Length} bytes");
                }

                var value = 0u;
                for (var i = 0; i < width; i++)
                {
                    value |= (uint)data[position + i] << (8 * i);
                }

                position += width;
                (isRepeat, repeated, runLeft) = (true, (int)(value & mask), (int)Math.Min(count, int.MaxValue));
            }
            else
            {
                var bytes = (int)Math.Min((long)count * bitWidth, data.Length - position);
                var values = bitWidth == 0 ? (long)count * 8 : (long)bytes * 8 / bitWidth;
                (isRepeat, packed, bits, available) = (false, position, 0UL, 0);
                runLeft = (int)Math.Min(Math.Min(values, (long)count * 8), int.MaxValue);
                position += bytes;
            }

            if (runLeft > 0)
            {
                return true;
            }
        }

        return false;
    }

    private uint ReadVarint()
    {
        var value = 0u;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException($"a run header runs past the end of its {data.Length} bytes");
            }

            var b = data[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a run header runs longer than 5 bytes");
    }
}
