using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Parquet;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

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
            var leaves = NestedColumns.Leaves(table.StorageDescriptor.Columns).DistinctBy(l => l.Column.Name).ToDictionary(l => l.Column.Name);
            var data = builders.Where(b => leaves.ContainsKey(b.Column.Name)).ToList();
            await using var file = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(file, ParquetSchemaReader.Options, leaveStreamOpen: false, cancellationToken);
            var fields = data.Select(b => Field(reader.Schema, leaves[b.Column.Name])).ToList();
            var nested = data.Where((_, i) => fields[i] is { Json: true, List: null }).Select(b => b.Column).FirstOrDefault();
            var records = nested is null ? null : await ReadRecordsAsync(path, table, nested, cancellationToken);
            var rows = 0L;
            for (var group = 0; group < reader.RowGroupCount && rows < limit; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                var take = (int)Math.Min(rowGroup.RowCount, limit - rows);
                for (var i = 0; i < data.Count; i++)
                {
                    var values = fields[i] switch
                    {
                        { List: { } list } => (await ParquetLists.ReadAsync(rowGroup, list.ElementLevels, list.Leaf, cancellationToken)).Select(v => v is null ? null : (object)JsonText.Write(v)).ToArray(),
                        { Json: true, Path: var fieldPath } => JsonValues(records!, fieldPath, rows, take),
                        { Data: { } field } when rowGroup.ColumnExists(field) => await ReadColumnAsync(rowGroup, field, (int)rowGroup.RowCount, cancellationToken),
                        _ => new object?[rowGroup.RowCount],
                    };
                    for (var row = 0; row < take; row++)
                    {
                        data[i].AddValue(values[row]);
                    }
                }

                rows += take;
            }

            return rows;
        }

        /// <summary>
        /// Where a loaded column's values are in the file: a column (a struct leaf too) outside any list is read as a
        /// column chunk; a list of values (or of lists of values) is assembled from its leaf's levels; a map or a list of
        /// structs is taken from the file's records; both are written as JSON text.
        /// </summary>
        private static LeafField? Field(ParquetSchema schema, NestedColumns.Leaf leaf)
        {
            IReadOnlyList<Field> level = schema.Fields;
            var names = new List<string>();
            for (var i = 0; i < leaf.Path.Count; i++)
            {
                var field = level.FirstOrDefault(f => ColumnNames.Clean(f.Name) == leaf.Path[i]);
                switch (field)
                {
                    case null:
                        return null;
                    case StructField structure when i < leaf.Path.Count - 1:
                        names.Add(structure.Name);
                        level = structure.Fields;
                        continue;
                    case DataField { IsArray: false } data when i == leaf.Path.Count - 1:
                        return new LeafField(data, [.. names, data.Name], Json: false, List: null);
                    default:
                        return new LeafField(null, [.. names, field.Name], Json: true, ParquetLists.Shape(field));
                }
            }

            return null;
        }

        /// <summary>Every record of the file with its nested values, for the lists and maps a load asks for (Parquet.Net assembles them only record by record).</summary>
        private static async Task<IList<Dictionary<string, object>>> ReadRecordsAsync(string path, CatalogTable table, Column nested, CancellationToken cancellationToken)
        {
            await using var file = File.OpenRead(path);
            try
            {
                return (await ParquetSerializer.DeserializeUntypedAsync(file, ParquetSchemaReader.Options, cancellationToken: cancellationToken)).Data;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var type = table.StorageDescriptor.Columns.FirstOrDefault(c => c.Name == nested.Name.Split('.')[0])?.Type ?? nested.Type;
                throw new DevEndpointException(
                    $"{path}: column '{nested.Name}' has the nested type {type}, which cannot be loaded yet ({e.Message.TrimEnd('.')}). Leave it out with --columns.", e);
            }
        }

        /// <summary>The values of a list or map (or any field the records hold as nested values), as JSON text, for rows <paramref name="start"/> on.</summary>
        private static object?[] JsonValues(IList<Dictionary<string, object>> records, IReadOnlyList<string> path, long start, int count)
        {
            var values = new object?[count];
            for (var row = 0; row < count; row++)
            {
                object? value = records[(int)(start + row)];
                foreach (var name in path)
                {
                    value = value is IDictionary<string, object> record && record.TryGetValue(name, out var inner) ? inner : null;
                }

                values[row] = value is null ? null : JsonText.Write(value);
            }

            return values;
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
            // A required column is read as such: read into nullable values, Parquet.Net 6.1 returned spurious nulls
            // and shifted values for one (datapage_v1-uncompressed-checksum.parquet) once other files had been read.
            if (field.MaxDefinitionLevel == 0)
            {
                var required = new T[count];
                await rowGroup.ReadAsync(field, required.AsMemory(), null, cancellationToken);
                return required.Select(v => (object?)v).ToArray();
            }

            var values = new T?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
            return values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }

        /// <summary>A loaded column's field in a Parquet schema: the column chunk to read, the list to assemble, or the path to its nested value in a record.</summary>
        private sealed record LeafField(DataField? Data, IReadOnlyList<string> Path, bool Json, (IReadOnlyList<int> ElementLevels, DataField Leaf)? List);
    }
}
