using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using DevEndpoint.Catalog;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using Parquet.Schema;
using Snappier;
using ZstdSharp;

namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>
/// Reads a flat column chunk of a common kind (plain or dictionary-encoded values, v1 or v2 data pages, uncompressed,
/// Snappy, gzip or zstd) straight into a builder: one read of the chunk's bytes, no .NET object per value, strings as
/// UTF-8. <see cref="TryCreate"/> decides from the footer alone whether a chunk is of that kind; any other goes through
/// Parquet.Net. Every size and offset read from the file is checked: a corrupt chunk throws
/// <see cref="InvalidDataException"/> (or the codec's own exception), never reads outside its bytes, and always ends.
/// </summary>
internal sealed class ColumnChunkReader
{
    /// <summary>The largest page taken for real; a header claiming more is corrupt.</summary>
    private const int MaxPageSize = 1 << 30;

    /// <summary>How many bytes past a chunk's recorded size its pages may run (see <see cref="TryCreate"/>).</summary>
    private const int DictionaryHeaderSlack = 100;

    private readonly long start;
    private readonly int length;
    private readonly CompressionCodec codec;
    private readonly bool optional;
    private readonly Func<PageValues> values;

    private ColumnChunkReader(long start, int length, CompressionCodec codec, bool optional, Func<PageValues> values, long textBytes)
    {
        this.start = start;
        this.length = length;
        this.codec = codec;
        this.optional = optional;
        this.values = values;
        TextBytes = textBytes;
    }

    /// <summary>
    /// For a chunk of plain strings (no dictionary), at most how many bytes of text its values hold: its pages' size
    /// uncompressed, which holds them with a length before each; otherwise 0 (a dictionary's entries may repeat).
    /// </summary>
    public long TextBytes { get; }

    /// <summary>
    /// A reader for the chunk when it is of the common kind and loads into <paramref name="column"/> as Parquet.Net's
    /// read would; <c>null</c> when it must go through Parquet.Net.
    /// </summary>
    public static ColumnChunkReader? TryCreate(ColumnChunk chunk, SchemaElement element, DataField field, Column column, long rows, long fileLength)
    {
        if (chunk.MetaData is not { } meta || chunk.FilePath is not null || field.MaxRepetitionLevel != 0 || field.MaxDefinitionLevel > 1
            || element.Type != meta.Type || meta.NumValues != rows || meta.TotalCompressedSize <= 0 || meta.TotalCompressedSize > Array.MaxLength
            || meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.GZIP or CompressionCodec.ZSTD)
            || meta.Encodings.Any(e => e is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY or Encoding.RLE or Encoding.BIT_PACKED or Encoding.RLE_DICTIONARY)))
        {
            return null;
        }

        // Where Parquet.Net starts too: dictionary and data page offsets are not reliable, so the first page of any.
        var start = new[] { meta.DictionaryPageOffset ?? 0, meta.DataPageOffset, meta.IndexPageOffset ?? 0 }.Where(o => o != 0).DefaultIfEmpty(0).Min();
        var values = Values(meta.Type, element, field, column);
        if (start < 4 || start > fileLength - 8 - meta.TotalCompressedSize || values is null)
        {
            return null;
        }

        // Some writers leave a dictionary page's header out of the chunk's size (PARQUET-816): read up to 100 bytes
        // more, as Arrow does, short of the footer's length and magic.
        var length = Math.Min(Math.Min(meta.TotalCompressedSize + DictionaryHeaderSlack, fileLength - 8 - start), Array.MaxLength);
        var plainText = meta.Type == global::Parquet.Meta.Type.BYTE_ARRAY && column.Type.Equals("string", StringComparison.OrdinalIgnoreCase)
            && !meta.Encodings.Any(e => e is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY);
        return new ColumnChunkReader(start, (int)length, meta.Codec, field.MaxDefinitionLevel == 1, values, plainText ? Math.Max(0, meta.TotalUncompressedSize) : 0);
    }

    /// <summary>Adds the chunk's first <paramref name="take"/> rows to <paramref name="builder"/>.</summary>
    public void Read(SafeFileHandle file, ColumnSink builder, int take)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(length);
        var page = Array.Empty<byte>();
        var levels = Array.Empty<int>();
        using var zstd = codec == CompressionCodec.ZSTD ? new Decompressor() : null;
        using var pages = values();
        try
        {
            ReadExactly(file, chunk.AsSpan(0, length), start);
            var position = 0;
            for (var rows = 0; rows < take;)
            {
                if (position >= length)
                {
                    throw new InvalidDataException($"a column chunk ends after {rows} of its {take} rows");
                }

                var header = PageHeader.Read(chunk.AsSpan(position, length - position));
                var body = position + header.HeaderLength;
                if (header.CompressedSize > length - body || header.UncompressedSize > MaxPageSize)
                {
                    throw new InvalidDataException($"a page of {header.CompressedSize} bytes ({header.UncompressedSize} uncompressed) does not fit in its column chunk of {length} bytes");
                }

                position = body + header.CompressedSize;
                var raw = new ArraySegment<byte>(chunk, body, header.CompressedSize);
                var count = Math.Min(header.Values, take - rows);
                switch (header.Type)
                {
                    case PageHeader.DictionaryPage:
                        pages.ReadDictionary(Decompress(raw, header.UncompressedSize, ref page, zstd), header.Values, header.Encoding);
                        break;
                    case PageHeader.DataPage when count > 0:
                        var data = Decompress(raw, header.UncompressedSize, ref page, zstd);
                        var level = optional ? Levels(ref data, count, ref levels) : [];
                        pages.Add(data, header.Encoding, level, count, builder);
                        rows += count;
                        break;
                    case PageHeader.DataPageV2 when count > 0:
                        var levelBytes = (long)header.RepetitionLevelsLength + header.DefinitionLevelsLength;
                        if (levelBytes > raw.Count || levelBytes > header.UncompressedSize)
                        {
                            throw new InvalidDataException($"a v2 data page's levels ({levelBytes} bytes) do not fit in the page of {raw.Count} bytes");
                        }

                        var v2Levels = optional
                            ? DecodeLevels(raw.AsSpan(header.RepetitionLevelsLength, header.DefinitionLevelsLength), count, ref levels)
                            : [];
                        var rest = raw.Slice((int)levelBytes);
                        var v2Data = header.IsCompressed ? Decompress(rest, header.UncompressedSize - (int)levelBytes, ref page, zstd) : rest;
                        pages.Add(v2Data, header.Encoding, v2Levels, count, builder);
                        rows += count;
                        break;
                    default:
                        // An index page, or a data page without values: nothing to add.
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            if (page.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(page);
            }

            if (levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
    }

    /// <summary>How a chunk's values load: the .NET type Parquet.Net reads them as (or, for strings and dates, what the column stores), by physical and logical type.</summary>
    private static Func<PageValues>? Values(global::Parquet.Meta.Type type, SchemaElement element, DataField field, Column column)
    {
        var clr = field.ClrType;
        var scale = element.Scale ?? 0;
        return type switch
        {
            global::Parquet.Meta.Type.BOOLEAN when clr == typeof(bool) => () => new TypedPageValues<bool>(new BooleanValues()),
            global::Parquet.Meta.Type.INT32 when clr == typeof(int) => () => new TypedPageValues<int>(new CopiedValues<int>()),
            global::Parquet.Meta.Type.INT32 when clr == typeof(DateOnly) && column.Type.Equals("date", StringComparison.OrdinalIgnoreCase) =>
                () => new TypedPageValues<DateTime>(new DateTimeDateValues()),
            global::Parquet.Meta.Type.INT32 when clr == typeof(DateOnly) => () => new TypedPageValues<DateOnly>(new DateValues()),
            global::Parquet.Meta.Type.INT32 when clr == typeof(decimal) => () => new TypedPageValues<decimal>(new IntegerDecimalValues(4, scale)),
            global::Parquet.Meta.Type.INT64 when clr == typeof(long) => () => new TypedPageValues<long>(new CopiedValues<long>()),
            global::Parquet.Meta.Type.INT64 when clr == typeof(decimal) => () => new TypedPageValues<decimal>(new IntegerDecimalValues(8, scale)),
            global::Parquet.Meta.Type.INT64 when clr == typeof(DateTime) => Timestamps(element),
            global::Parquet.Meta.Type.INT96 when clr == typeof(DateTime) => () => new TypedPageValues<DateTime>(new Int96Values()),
            global::Parquet.Meta.Type.FLOAT when clr == typeof(float) => () => new TypedPageValues<float>(new CopiedValues<float>()),
            global::Parquet.Meta.Type.DOUBLE when clr == typeof(double) => () => new TypedPageValues<double>(new CopiedValues<double>()),
            global::Parquet.Meta.Type.FIXED_LEN_BYTE_ARRAY when clr == typeof(decimal) && element.TypeLength is > 0 and <= 16 && scale is >= 0 and <= 38 =>
                () => new TypedPageValues<decimal>(new FixedDecimalValues(element.TypeLength.Value, scale)),
            global::Parquet.Meta.Type.BYTE_ARRAY when (clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>)) && column.Type.Equals("string", StringComparison.OrdinalIgnoreCase) =>
                () => new Utf8PageValues(base64: false),
            global::Parquet.Meta.Type.BYTE_ARRAY when (clr == typeof(byte[]) || clr == typeof(ReadOnlyMemory<byte>)) && column.Type.Equals("binary", StringComparison.OrdinalIgnoreCase) =>
                () => new Utf8PageValues(base64: true),
            _ => null,
        };
    }

    /// <summary>INT64 timestamps: with a TIMESTAMP logical type, of its unit and UTC or local kind; otherwise micro- or milliseconds by the converted type.</summary>
    private static Func<PageValues>? Timestamps(SchemaElement element)
    {
        if (element.LogicalType?.TIMESTAMP is { } timestamp)
        {
            ParquetTimes.Unit? unit = timestamp.Unit switch
            {
                { MILLIS: not null } => ParquetTimes.Unit.Millis,
                { MICROS: not null } => ParquetTimes.Unit.Micros,
                { NANOS: not null } => ParquetTimes.Unit.Nanos,
                _ => null,
            };
            var kind = timestamp.IsAdjustedToUTC ? DateTimeKind.Utc : DateTimeKind.Local;
            return unit is { } u ? () => new TypedPageValues<DateTime>(new TimestampValues(u, kind)) : null;
        }

        var converted = element.ConvertedType == ConvertedType.TIMESTAMP_MICROS ? ParquetTimes.Unit.Micros : ParquetTimes.Unit.Millis;
        return () => new TypedPageValues<DateTime>(new TimestampValues(converted, kind: null));
    }

    /// <summary>A v1 data page's definition levels: their length in 4 bytes, then the hybrid encoding; <paramref name="data"/> moves past them.</summary>
    private static ReadOnlySpan<int> Levels(ref ReadOnlySpan<byte> data, int count, ref int[] levels)
    {
        var size = data.Length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(data);
        if (size < 0 || size > data.Length - 4)
        {
            throw new InvalidDataException($"a data page's definition levels ({size} bytes) do not fit in the page of {data.Length} bytes");
        }

        var decoded = DecodeLevels(data.Slice(4, size), count, ref levels);
        data = data[(4 + size)..];
        return decoded;
    }

    private static ReadOnlySpan<int> DecodeLevels(ReadOnlySpan<byte> bytes, int count, ref int[] levels)
    {
        if (levels.Length < count)
        {
            if (levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(levels);
            }

            levels = ArrayPool<int>.Shared.Rent(count);
        }

        var target = levels.AsSpan(0, count);
        if (new HybridDecoder(bytes, 1).Read(target) < count)
        {
            throw new InvalidDataException($"a data page holds fewer definition levels than its {count} values");
        }

        return target;
    }

    /// <summary>A page's bytes uncompressed (into <paramref name="buffer"/>, grown from the pool as needed).</summary>
    private ReadOnlySpan<byte> Decompress(ArraySegment<byte> raw, int size, ref byte[] buffer, Decompressor? zstd)
    {
        if (codec == CompressionCodec.UNCOMPRESSED)
        {
            return raw;
        }

        if (size < 0)
        {
            throw new InvalidDataException($"a page claims {size} bytes uncompressed");
        }

        if (buffer.Length < size)
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            buffer = ArrayPool<byte>.Shared.Rent(size);
        }

        var target = buffer.AsSpan(0, size);
        var written = codec switch
        {
            CompressionCodec.SNAPPY => Snappy.Decompress(raw, target),
            CompressionCodec.ZSTD => zstd!.Unwrap(raw, target),
            _ => Gunzip(raw, target),
        };
        if (written != size)
        {
            throw new InvalidDataException($"a page uncompressed to {written} bytes, not the {size} its header gives");
        }

        return target;
    }

    private static int Gunzip(ArraySegment<byte> raw, Span<byte> target)
    {
        using var gzip = new GZipStream(new MemoryStream(raw.Array!, raw.Offset, raw.Count, writable: false), CompressionMode.Decompress);
        return gzip.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> target, long offset)
    {
        while (!target.IsEmpty)
        {
            var read = RandomAccess.Read(file, target, offset);
            if (read == 0)
            {
                throw new InvalidDataException($"the file ends part-way through a column chunk (at byte {offset})");
            }

            target = target[read..];
            offset += read;
        }
    }
}
