using DevEndpoint.Formats.Parquet.Pages;

namespace DevEndpoint.Tests.Formats.Parquet;

/// <summary>The RLE/bit-packed hybrid decoder against byte sequences built by hand from the Parquet spec.</summary>
public sealed class HybridDecoderTests
{
    [Fact]
    public void A_repeated_run_gives_its_value_as_many_times_as_its_header_says()
    {
        // Header 5 << 1 = 0x0A (a repeated run of 5), then the value 3 in one byte (bit width 2).
        Assert.Equal([3, 3, 3, 3, 3], Decode([0x0A, 0x03], bitWidth: 2, count: 5));
    }

    [Fact]
    public void A_bit_packed_run_gives_its_values_least_significant_bit_first()
    {
        // The spec's example: 0 to 7 at bit width 3 are 10001000 11000110 11111010; header 1 << 1 | 1 = 0x03 (one group of 8).
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Decode([0x03, 0b10001000, 0b11000110, 0b11111010], bitWidth: 3, count: 8));
    }

    [Fact]
    public void Runs_follow_one_another_and_a_read_can_stop_and_resume_inside_a_run()
    {
        // A repeated run of 3 ones, then one group of bit-packed bits 1,0,1,1,0,0,0,1 (0b10001101) at bit width 1.
        byte[] data = [0x06, 0x01, 0x03, 0b10001101];
        var decoder = new HybridDecoder(data, 1);
        var first = new int[2];
        var rest = new int[9];

        Assert.Equal(2, decoder.Read(first));
        Assert.Equal(9, decoder.Read(rest));

        Assert.Equal([1, 1], first);
        Assert.Equal([1, 1, 0, 1, 1, 0, 0, 0, 1], rest);
    }

    [Fact]
    public void A_long_run_has_a_multi_byte_varint_header_and_a_wide_value_takes_several_bytes()
    {
        // 300 << 1 = 600 = varint 0xD8 0x04; the value 0x01020304 in 4 little-endian bytes (bit width 32).
        var values = Decode([0xD8, 0x04, 0x04, 0x03, 0x02, 0x01], bitWidth: 32, count: 300);

        Assert.Equal(Enumerable.Repeat(0x01020304, 300), values);
    }

    [Fact]
    public void A_read_past_the_data_gives_only_the_values_there_are()
    {
        // Two groups of 8 announced (header 2 << 1 | 1 = 0x05) but only one group's byte present at bit width 1.
        var decoder = new HybridDecoder([0x05, 0xFF], 1);
        var values = new int[16];

        Assert.Equal(8, decoder.Read(values));
        Assert.Equal(Enumerable.Repeat(1, 8), values.Take(8));
    }

    [Fact]
    public void A_repeated_value_cut_short_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Decode([0x0A, 0x01], bitWidth: 16, count: 5));

        Assert.Equal("a repeated run's value runs past the end of its 2 bytes", error.Message);
    }

    [Fact]
    public void A_bit_width_above_32_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Decode([0x02, 0x01], bitWidth: 33, count: 1));

        Assert.Equal("a bit width of 33 is out of range (0 to 32)", error.Message);
    }

    private static int[] Decode(byte[] data, int bitWidth, int count)
    {
        var values = new int[count];
        Assert.Equal(count, new HybridDecoder(data, bitWidth).Read(values));
        return values;
    }
}
