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

    public static async Task<FileSchema> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        try
        {
            await using var file = File.OpenRead(path);
            if (size < 12)
            {
                throw new InvalidDataException($"the file is {size} bytes long, too short for a Parquet footer");
            }

            await using var reader = await ParquetReader.CreateAsync(file, Options, leaveStreamOpen: false, cancellationToken);
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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BadFileException(path, $"not a readable Parquet file ({e.Message.TrimEnd('.')}). Replace or exclude it; the other files are still catalogued.", e);
        }
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
