using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Parquet;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Loading;

/// <summary>Parquet, reading only the requested columns' chunks.</summary>
internal abstract partial class FormatReader
{
    private sealed class ParquetFormat : FormatReader
    {
        /// <summary>Parquet.Net reports a corrupt file with many kinds of exception.</summary>
        protected override bool IsUnreadable(Exception exception) => true;

        protected override async Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken)
        {
            var data = builders.Where(b => DataIndex(table, b) >= 0).ToList();
            await using var file = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(file, ParquetSchemaReader.Options, leaveStreamOpen: false, cancellationToken);
            var fields = data.Select(b => Field(reader.Schema, b, path)).ToList();
            var rows = 0L;
            for (var group = 0; group < reader.RowGroupCount && rows < limit; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                var take = (int)Math.Min(rowGroup.RowCount, limit - rows);
                for (var i = 0; i < data.Count; i++)
                {
                    var values = fields[i] is { } field && rowGroup.ColumnExists(field)
                        ? await ReadColumnAsync(rowGroup, field, (int)rowGroup.RowCount, cancellationToken)
                        : new object?[rowGroup.RowCount];
                    for (var row = 0; row < take; row++)
                    {
                        data[i].AddValue(values[row]);
                    }
                }

                rows += take;
            }

            return rows;
        }

        private static DataField? Field(ParquetSchema schema, ColumnBuilder builder, string path)
        {
            var field = schema.Fields.FirstOrDefault(f => ColumnNames.Clean(f.Name) == builder.Column.Name);
            return field switch
            {
                null => null,
                DataField { IsArray: false } data => data,
                _ => throw new DevEndpointException(
                    $"{path}: column '{builder.Column.Name}' has the nested type {builder.Column.Type}, which cannot be loaded yet. Leave it out with --columns."),
            };
        }

        private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
        {
            var type = field.ClrType;
            if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                var strings = new string?[count];
                await rowGroup.ReadAsync(field, strings.AsMemory(), null, cancellationToken);
                return strings;
            }

            if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
            {
                var bytes = new byte[]?[count];
                await rowGroup.ReadAsync(field, bytes.AsMemory(), null, cancellationToken);
                return bytes;
            }

            return type switch
            {
                _ when type == typeof(bool) => await Read<bool>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(sbyte) => await Read<sbyte>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(byte) => await Read<byte>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(short) => await Read<short>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(ushort) => await Read<ushort>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(int) => await Read<int>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(uint) => await Read<uint>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(long) => await Read<long>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(ulong) => await Read<ulong>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(float) => await Read<float>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(double) => await Read<double>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(decimal) => await Read<decimal>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(DateTime) => await Read<DateTime>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(DateOnly) => await Read<DateOnly>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(TimeSpan) => await Read<TimeSpan>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(TimeOnly) => await Read<TimeOnly>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(Guid) => await Read<Guid>(rowGroup, field, count, cancellationToken),
                _ => throw new DevEndpointException($"Column '{field.Name}' has the Parquet type {type.Name}, which cannot be loaded yet. Leave it out with --columns."),
            };
        }

        private static async Task<object?[]> Read<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
            where T : struct
        {
            var values = new T?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
            return values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }
    }
}
