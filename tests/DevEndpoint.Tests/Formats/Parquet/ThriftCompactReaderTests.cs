using DevEndpoint.Formats.Parquet.Pages;

namespace DevEndpoint.Tests.Formats.Parquet;

/// <summary>The Thrift compact reader and the page header read with it, against byte sequences built by hand.</summary>
public sealed class ThriftCompactReaderTests
{
    [Fact]
    public void Integers_are_zigzag_varints()
    {
        // zigzag: 0 -> 0, -1 -> 1, 1 -> 2, -2 -> 3, 150 -> 300 = varint 0xAC 0x02.
        var reader = new ThriftCompactReader([0x00, 0x01, 0x02, 0x03, 0xAC, 0x02]);

        int[] values = [reader.ReadI32(), reader.ReadI32(), reader.ReadI32(), reader.ReadI32(), reader.ReadI32()];

        Assert.Equal([0, -1, 1, -2, 150], values);
    }

    [Fact]
    public void A_field_id_is_a_delta_from_the_previous_one_or_a_zigzag_i16_after_a_zero_delta()
    {
        // 0x35: delta 3, i32; value 0x02 (1). 0x06: delta 0, i64, then id 200 as zigzag 400 = 0x90 0x03; value 0x04 (2). 0x00: stop.
        var reader = new ThriftCompactReader([0x35, 0x02, 0x06, 0x90, 0x03, 0x04, 0x00]);
        short last = 0;

        Assert.True(reader.TryReadField(ref last, out var first, out var firstType));
        var firstValue = reader.ReadI32();
        Assert.True(reader.TryReadField(ref last, out var second, out var secondType));
        var secondValue = reader.ReadI64();
        Assert.False(reader.TryReadField(ref last, out _, out _));

        Assert.Equal(((short)3, ThriftCompactReader.I32, 1), (first, firstType, firstValue));
        Assert.Equal(((short)200, ThriftCompactReader.I64, 2L), (second, secondType, secondValue));
        Assert.Equal(7, reader.Position);
    }

    [Fact]
    public void A_data_page_header_is_read_and_the_fields_it_does_not_need_are_skipped()
    {
        byte[] header =
        [
            0x15, 0x00, // 1: type DATA_PAGE (0)
            0x15, 0xC8, 0x01, // 2: uncompressed size 100
            0x15, 0x64, // 3: compressed size 50
            0x15, 0x0E, // 4: crc 7
            0x1C, // 5: data page header
            0x15, 0x14, // 1: 10 values
            0x15, 0x10, // 2: encoding RLE_DICTIONARY (8)
            0x15, 0x06, 0x15, 0x06, // 3, 4: level encodings RLE (3)
            0x1C, // 5: statistics, skipped: a binary, a list of three i32, a map of one binary to i64, a boolean, a double
            0x18, 0x03, (byte)'a', (byte)'b', (byte)'c',
            0x19, 0x35, 0x02, 0x04, 0x06,
            0x1B, 0x01, 0x86, 0x01, (byte)'k', 0x08,
            0x11,
            0x17, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F,
            0x00,
            0x00,
            0x05, 0xC8, 0x01, 0x2A, // field 100 (zigzag i16 200), an unknown i32 42: skipped
            0x00,
            0xFF, // after the header: not read
        ];

        var page = PageHeader.Read(header);

        Assert.Equal(
            new PageHeader { Type = PageHeader.DataPage, UncompressedSize = 100, CompressedSize = 50, Values = 10, Encoding = 8, IsCompressed = true, HeaderLength = header.Length - 1 },
            page);
    }

    [Fact]
    public void A_v2_data_page_header_gives_its_level_lengths_and_whether_it_is_compressed()
    {
        byte[] header =
        [
            0x15, 0x06, 0x15, 0x28, 0x15, 0x1E, // type DATA_PAGE_V2 (3), sizes 20 and 15
            0x5C, // 8: data page header v2
            0x15, 0x08, 0x15, 0x02, 0x15, 0x08, 0x15, 0x00, // 4 values, 1 null, 4 rows, PLAIN
            0x15, 0x04, 0x15, 0x00, 0x12, // 2 bytes of definition levels, none of repetition levels, not compressed
            0x00,
            0x00,
        ];

        var page = PageHeader.Read(header);

        Assert.Equal((PageHeader.DataPageV2, 4, 2, 0, false), (page.Type, page.Values, page.DefinitionLevelsLength, page.RepetitionLevelsLength, page.IsCompressed));
    }

    [Fact]
    public void A_header_cut_short_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PageHeader.Read([0x15, 0x00, 0x15, 0xC8]));

        Assert.Equal("Thrift data ends after 4 bytes, part-way through a value", error.Message);
    }

    [Fact]
    public void A_binary_longer_than_the_data_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PageHeader.Read([0x15, 0x00, 0x48, 0xE8, 0x07, 0x01]));

        Assert.Equal("a Thrift binary of 1000 bytes runs past the end of its 6 bytes", error.Message);
    }

    [Fact]
    public void A_header_without_the_data_page_header_its_type_needs_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PageHeader.Read([0x15, 0x00, 0x15, 0x02, 0x15, 0x02, 0x00]));

        Assert.Equal("a page header lacks a field or holds a negative size (type 0, sizes 1/1, -1 values)", error.Message);
    }

    [Fact]
    public void Structs_nested_too_deeply_are_refused_rather_than_followed()
    {
        // Field 9 (unknown) is a struct whose field 1 is a struct, and so on 40 levels down.
        var nested = new List<byte> { 0x15, 0x00, 0x9C };
        nested.AddRange(Enumerable.Repeat((byte)0x1C, 40));

        var error = Assert.Throws<InvalidDataException>(() => PageHeader.Read(nested.ToArray()));

        Assert.Equal("Thrift values nest deeper than 32 levels", error.Message);
    }

    [Fact]
    public void An_unknown_type_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PageHeader.Read([0x1D, 0x00]));

        Assert.Equal("unknown Thrift type 13", error.Message);
    }
}
