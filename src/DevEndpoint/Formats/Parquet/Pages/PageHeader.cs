namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>The fields of a Parquet page header (Thrift <c>PageHeader</c> and its data, v2 data and dictionary headers) a flat column's pages are read with.</summary>
internal readonly record struct PageHeader
{
    public const int DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3;

    public int Type { get; init; }

    public int UncompressedSize { get; init; }

    public int CompressedSize { get; init; }

    /// <summary>Values in the page (rows, for a flat column; nulls included), or entries in a dictionary page.</summary>
    public int Values { get; init; }

    /// <summary>How the values are encoded (Parquet's <c>Encoding</c>).</summary>
    public int Encoding { get; init; }

    /// <summary>For a v2 data page: the bytes of repetition and of definition levels before the (maybe compressed) values.</summary>
    public int RepetitionLevelsLength { get; init; }

    public int DefinitionLevelsLength { get; init; }

    /// <summary>For a v2 data page: whether its values are compressed with the chunk's codec.</summary>
    public bool IsCompressed { get; init; }

    /// <summary>How many bytes the header itself took.</summary>
    public int HeaderLength { get; init; }

    /// <summary>Reads the header at the start of <paramref name="bytes"/>; throws <see cref="InvalidDataException"/> for one that is cut short, malformed or lacks what its page type needs.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new ThriftCompactReader(bytes);
        var header = new PageHeader { Type = -1, UncompressedSize = -1, CompressedSize = -1, Values = -1, IsCompressed = true };
        var (hasData, hasDictionary, hasV2) = (false, false, false);
        short lastId = 0;
        while (reader.TryReadField(ref lastId, out var id, out var type))
        {
            switch (id, type)
            {
                case (1, ThriftCompactReader.I32):
                    header = header with { Type = reader.ReadI32() };
                    break;
                case (2, ThriftCompactReader.I32):
                    header = header with { UncompressedSize = reader.ReadI32() };
                    break;
                case (3, ThriftCompactReader.I32):
                    header = header with { CompressedSize = reader.ReadI32() };
                    break;
                case (5 or 7, ThriftCompactReader.Struct):
                    header = ReadDataOrDictionary(ref reader, header);
                    hasData |= id == 5;
                    hasDictionary |= id == 7;
                    break;
                case (8, ThriftCompactReader.Struct):
                    header = ReadV2(ref reader, header);
                    hasV2 = true;
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        var needed = header.Type switch
        {
            DataPage => hasData,
            DictionaryPage => hasDictionary,
            DataPageV2 => hasV2,
            _ => true,
        };
        if (header.UncompressedSize < 0 || header.CompressedSize < 0 || !needed || (header.Type != IndexPage && header.Values < 0)
            || header.RepetitionLevelsLength < 0 || header.DefinitionLevelsLength < 0)
        {
            throw new InvalidDataException(
                $"a page header lacks a field or holds a negative size (type {header.Type}, sizes {header.CompressedSize}/{header.UncompressedSize}, {header.Values} values)");
        }

        return header with { HeaderLength = reader.Position };
    }

    /// <summary>A <c>DataPageHeader</c> or <c>DictionaryPageHeader</c>: both start with the number of values and their encoding.</summary>
    private static PageHeader ReadDataOrDictionary(ref ThriftCompactReader reader, PageHeader header)
    {
        short lastId = 0;
        while (reader.TryReadField(ref lastId, out var id, out var type))
        {
            switch (id, type)
            {
                case (1, ThriftCompactReader.I32):
                    header = header with { Values = reader.ReadI32() };
                    break;
                case (2, ThriftCompactReader.I32):
                    header = header with { Encoding = reader.ReadI32() };
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return header;
    }

    private static PageHeader ReadV2(ref ThriftCompactReader reader, PageHeader header)
    {
        short lastId = 0;
        while (reader.TryReadField(ref lastId, out var id, out var type))
        {
            switch (id, type)
            {
                case (1, ThriftCompactReader.I32):
                    header = header with { Values = reader.ReadI32() };
                    break;
                case (4, ThriftCompactReader.I32):
                    header = header with { Encoding = reader.ReadI32() };
                    break;
                case (5, ThriftCompactReader.I32):
                    header = header with { DefinitionLevelsLength = reader.ReadI32() };
                    break;
                case (6, ThriftCompactReader.I32):
                    header = header with { RepetitionLevelsLength = reader.ReadI32() };
                    break;
                case (7, ThriftCompactReader.BooleanTrue or ThriftCompactReader.BooleanFalse):
                    header = header with { IsCompressed = type == ThriftCompactReader.BooleanTrue };
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return header;
    }
}
