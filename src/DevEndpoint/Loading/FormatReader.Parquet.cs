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

        /// <summary>
        /// Reads the file column by column, the columns at once (each with its own reader of the file, so no reader is
        /// shared between threads), every row group in order; plain columns go into the builders in bulk, typed.
        /// </summary>
        protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
            string path, CatalogTable table, Func<List<ColumnBuilder>> newColumns, ReadContext context, CancellationToken cancellationToken)
        {
            var part = new ReadPart(newColumns());
            var leaves = NestedColumns.Leaves(table.StorageDescriptor.Columns).DistinctBy(l => l.Column.Name).ToDictionary(l => l.Column.Name);
            var data = part.Columns.Where(b => leaves.ContainsKey(b.Column.Name)).ToList();
            List<LeafField?> fields;
            var takes = new List<int>();
            await using (var file = File.OpenRead(path))
            {
                await using var reader = await ParquetReader.CreateAsync(file, ParquetSchemaReader.Options, leaveStreamOpen: false, cancellationToken);
                fields = data.Select(b => Field(reader.Schema, leaves[b.Column.Name])).ToList();
                for (var group = 0; group < reader.RowGroupCount && part.Rows < context.Limit; group++)
                {
                    using var rowGroup = reader.OpenRowGroupReader(group);
                    var take = (int)Math.Min(rowGroup.RowCount, context.Limit - part.Rows);
                    takes.Add(take);
                    part.Rows += take;
                }
            }

            var nested = data.Where((_, i) => fields[i] is { Json: true, List: null }).Select(b => b.Column).FirstOrDefault();
            var records = nested is null ? null : await ReadRecordsAsync(path, table, nested, cancellationToken);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, data.Count), options, async (i, token) =>
            {
                await using var file = File.OpenRead(path);
                await using var reader = await ParquetReader.CreateAsync(file, ParquetSchemaReader.Options, leaveStreamOpen: false, token);
                var start = 0L;
                for (var group = 0; group < takes.Count; group++)
                {
                    using var rowGroup = reader.OpenRowGroupReader(group);
                    await ReadColumnAsync(rowGroup, fields[i], data[i], records, start, takes[group], token);
                    start += takes[group];
                }
            });

            return [part];
        }

        /// <summary>Adds the first <paramref name="take"/> values of a loaded column in a row group (rows <paramref name="start"/> on of the file).</summary>
        private static async Task ReadColumnAsync(
            ParquetRowGroupReader rowGroup, LeafField? field, ColumnBuilder builder, IList<Dictionary<string, object>>? records, long start, int take, CancellationToken cancellationToken)
        {
            switch (field)
            {
                case { List: { } list }:
                    var lists = await ParquetLists.ReadAsync(rowGroup, list.ElementLevels, list.Leaf, cancellationToken);
                    for (var row = 0; row < take; row++)
                    {
                        builder.AddValue(lists[row] is { } value ? JsonText.Write(value) : null);
                    }

                    break;
                case { Json: true, Path: var fieldPath }:
                    foreach (var value in JsonValues(records!, fieldPath, start, take))
                    {
                        builder.AddValue(value);
                    }

                    break;
                case { Data: { } data } when rowGroup.ColumnExists(data):
                    await ReadValuesAsync(rowGroup, data, builder, (int)rowGroup.RowCount, take, cancellationToken);
                    break;
                default:
                    for (var row = 0; row < take; row++)
                    {
                        builder.AddNull();
                    }

                    break;
            }
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

        private static async Task ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField field, ColumnBuilder builder, int count, int take, CancellationToken cancellationToken)
        {
            var type = field.ClrType;
            if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                var strings = new string?[count];
                await rowGroup.ReadAsync(field, strings.AsMemory(), null, cancellationToken);
                foreach (var value in strings.AsSpan(0, take))
                {
                    builder.AddValue(value);
                }

                return;
            }

            if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
            {
                var bytes = new byte[]?[count];
                await rowGroup.ReadAsync(field, bytes.AsMemory(), null, cancellationToken);
                foreach (var value in bytes.AsSpan(0, take))
                {
                    builder.AddValue(value);
                }

                return;
            }

            var read = type switch
            {
                _ when type == typeof(bool) => Read<bool>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(sbyte) => Read<sbyte>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(byte) => Read<byte>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(short) => Read<short>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(ushort) => Read<ushort>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(int) => Read<int>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(uint) => Read<uint>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(long) => Read<long>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(ulong) => Read<ulong>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(float) => Read<float>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(double) => Read<double>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(decimal) => Read<decimal>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(DateTime) => Read<DateTime>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(DateOnly) => Read<DateOnly>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(TimeSpan) => Read<TimeSpan>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(TimeOnly) => Read<TimeOnly>(rowGroup, field, builder, count, take, cancellationToken),
                _ when type == typeof(Guid) => Read<Guid>(rowGroup, field, builder, count, take, cancellationToken),
                _ => throw new DevEndpointException($"Column '{field.Name}' has the Parquet type {type.Name}, which cannot be loaded yet. Leave it out with --columns."),
            };
            await read;
        }

        private static async Task Read<T>(ParquetRowGroupReader rowGroup, DataField field, ColumnBuilder builder, int count, int take, CancellationToken cancellationToken)
            where T : struct
        {
            // A required column is read as such: read into nullable values, Parquet.Net 6.1 returned spurious nulls
            // and shifted values for one (datapage_v1-uncompressed-checksum.parquet) once other files had been read.
            if (field.MaxDefinitionLevel == 0)
            {
                var required = new T[count];
                await rowGroup.ReadAsync(field, required.AsMemory(), null, cancellationToken);
                builder.AddValues(required, take);
                return;
            }

            var values = new T?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
            builder.AddValues(values, take);
        }

        /// <summary>A loaded column's field in a Parquet schema: the column chunk to read, the list to assemble, or the path to its nested value in a record.</summary>
        private sealed record LeafField(DataField? Data, IReadOnlyList<string> Path, bool Json, (IReadOnlyList<int> ElementLevels, DataField Leaf)? List);
    }
}
