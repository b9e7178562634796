using System.Globalization;
using DevEndpoint.Catalog;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>Reads a Parquet file's schema and row count from its footer, without reading its data pages.</summary>
internal static class ParquetSchemaReader
{
    public static readonly byte[] Magic = "PAR1"u8.ToArray();

    public static ParquetOptions Options { get; } = new() { UseDateOnlyTypeForDates = true };

    /// <summary>How long parsing a footer may take before the file is taken for malformed (a fuzzed footer can send the parser into a loop).</summary>
    public static TimeSpan FooterTimeout { get; } = TimeSpan.FromSeconds(10);

    public static async Task<FileSchema> ReadAsync(FileProbe file, CancellationToken cancellationToken)
    {
        var (path, size) = (file.Path, file.Size);
        try
        {
            // Only the footer is read (by range: the last 8 bytes, then the footer), into memory, and parsed apart from
            // the crawl: a footer that never finishes parsing costs its own thread, not the crawl, and holds no file open.
            using var footer = ReadFooter(file);
            var parse = Task.Run(() => ParquetReader.CreateAsync(footer, Options, leaveStreamOpen: true, cancellationToken), cancellationToken);
            await using var reader = await parse.WaitAsync(FooterTimeout, cancellationToken);
            var rows = reader.Metadata?.NumRows ?? 0;
            return new FileSchema
            {
                Classification = "parquet",
                Columns = reader.Schema.Fields.Select(f => new Column(ColumnNames.Clean(f.Name), HiveType(f))).ToList(),
                RecordCount = rows,
                AverageRecordSize = rows == 0 ? 0 : size / rows,
                SizeBytes = size,
            };
        }
        catch (TimeoutException e)
        {
            throw new BadFileException(path, $"its footer could not be parsed within {FooterTimeout.TotalSeconds:0} s, so it is taken for malformed. Replace or exclude it; the other files are still catalogued.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BadFileException(path, $"not a readable Parquet file ({e.Message.TrimEnd('.')}). Replace or exclude it; the other files are still catalogued.", e);
        }
    }

    /// <summary>A stand-in file holding only the magic, the footer and its length: all a schema read needs.</summary>
    private static MemoryStream ReadFooter(FileProbe probe)
    {
        var size = probe.Size;
        if (size < 12)
        {
            throw new InvalidDataException($"the file is {size} bytes long, too short for a Parquet footer");
        }

        using var file = probe.OpenRead();
        var tail = new byte[8];
        file.Seek(-8, SeekOrigin.End);
        file.ReadExactly(tail);
        var length = BitConverter.ToInt32(tail, 0);
        if (length <= 0 || length > size - 12)
        {
            throw new InvalidDataException($"its footer length ({length} bytes) does not fit in the file ({size} bytes)");
        }

        var stand = new byte[4 + length + 8];
        Magic.CopyTo(stand, 0);
        file.Seek(-8 - length, SeekOrigin.End);
        file.ReadExactly(stand, 4, length);
        tail.CopyTo(stand, 4 + length);
        return new MemoryStream(stand, writable: false);
    }

    /// <summary>The Hive type of a Parquet field, following its logical type.</summary>
    public static string HiveType(Field field) => field switch
    {
        ListField list => $"array<{HiveType(list.Item)}>",
        MapField map => $"map<{HiveType(map.Key)},{HiveType(map.Value)}>",
        StructField structure => $"struct<{string.Join(",", structure.Fields.Select(f => $"{ColumnNames.Clean(f.Name)}:{HiveType(f)}"))}>",
        DataField { IsArray: true } data => $"array<{ScalarType(data)}>",
        DataField data => ScalarType(data),
        _ => "string",
    };

    private static string ScalarType(DataField field) => field switch
    {
        DecimalDataField d => string.Create(CultureInfo.InvariantCulture, $"decimal({d.Precision},{d.Scale})"),
        _ when field.ClrType == typeof(bool) => "boolean",
        _ when field.ClrType == typeof(sbyte) || field.ClrType == typeof(byte) => "tinyint",
        _ when field.ClrType == typeof(short) || field.ClrType == typeof(ushort) => "smallint",
        _ when field.ClrType == typeof(int) => "int",
        _ when field.ClrType == typeof(uint) || field.ClrType == typeof(long) => "bigint",
        _ when field.ClrType == typeof(ulong) => "decimal(20,0)",
        _ when field.ClrType == typeof(float) => "float",
        _ when field.ClrType == typeof(double) => "double",
        _ when field.ClrType == typeof(decimal) => "decimal(38,18)",
        _ when field.ClrType == typeof(DateOnly) => "date",
        _ when field.ClrType == typeof(DateTime) || field.ClrType == typeof(DateTimeOffset) => "timestamp",
        _ when field.ClrType == typeof(byte[]) || field.ClrType == typeof(ReadOnlyMemory<byte>) => "binary",
        _ => "string",
    };
}
