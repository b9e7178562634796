using DevEndpoint.Catalog;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    /// <summary>One row group of the rows given; dates as Parquet dates, timestamps as zone-less microseconds, decimals with the precision they need.</summary>
    /// <param name="fields">The Parquet fields of the columns, when the writer chooses them (a Delta table's types); by default each column's own.</param>
    private static async Task WriteParquetAsync(
        string path, IReadOnlyList<FrameColumn> columns, IReadOnlyList<long> rows, string codec, CancellationToken cancellationToken, IReadOnlyList<DataField>? fields = null)
    {
        fields ??= columns.Select(Field).ToList();
        var options = new ParquetOptions
        {
            CompressionMethod = codec switch
            {
                Formats.Compression.Gzip => CompressionMethod.Gzip,
                Formats.Compression.Zstd => CompressionMethod.Zstd,
                Formats.Compression.None => CompressionMethod.None,
                _ => CompressionMethod.Snappy,
            },
        };
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file, options, append: false, cancellationToken);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < columns.Count; i++)
        {
            var data = columns[i].Data;
            var field = fields[i];
            await (data.DataType switch
            {
                var t when t == typeof(string) => group.WriteAsync(field, rows.Select(r => (string)data[r]).ToArray()),
                var t when t == typeof(bool) => Typed<bool>(),
                var t when t == typeof(sbyte) => Typed<sbyte>(),
                var t when t == typeof(short) => Typed<short>(),
                var t when t == typeof(int) => Typed<int>(),
                var t when t == typeof(long) => Typed<long>(),
                var t when t == typeof(float) => Typed<float>(),
                var t when t == typeof(double) => Typed<double>(),
                var t when t == typeof(decimal) => Typed<decimal>(),
                _ => group.WriteAsync<DateTime>(field, rows.Select(r => data[r] is DateTime d ? FrameColumn.Utc(d) : (DateTime?)null).ToArray(), cancellationToken: cancellationToken),
            });

            Task Typed<T>()
                where T : struct =>
                group.WriteAsync<T>(field, rows.Select(r => (T?)data[r]).ToArray(), cancellationToken: cancellationToken);
        }
    }

    private static DataField Field(FrameColumn column) => column.HiveType switch
    {
        "date" => new DateTimeDataField(column.Name, DateTimeFormat.Date, isNullable: true),
        "timestamp" => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
        var type when HiveTypes.ParseDecimal(type) is { } d => new DecimalDataField(column.Name, d.Precision, d.Scale, isNullable: true),
        _ => new DataField(column.Name, column.Data.DataType, isNullable: true),
    };
}
