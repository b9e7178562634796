using Parquet;
using Parquet.Data;
using Parquet.Meta;
using Parquet.Schema;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// Reads the top-level columns of a Parquet data or delete file by Iceberg field id: the file's own field ids, or for a
/// file written without them the table's name mapping (<c>schema.name-mapping.default</c>), or with neither, the
/// column names. A column of the requested ids that the file does not have comes back as <c>null</c>, for the caller to
/// fill (partition value, initial default, nulls).
/// </summary>
internal static class IcebergParquet
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, UseBigDecimal = true };

    /// <summary>The file's row count and, per requested field, its values converted to the field's type (or <c>null</c> when absent).</summary>
    public static async Task<(long Rows, object?[]?[] Columns)> ReadAsync(
        TableStorage storage, string path, IReadOnlyList<IcebergField> fields, IReadOnlyDictionary<string, int>? nameMapping, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(storage.OpenRead(path), Options, leaveStreamOpen: false, cancellationToken);
        var byId = FieldsById(reader.Schema.Fields, TopLevelIds(reader.Metadata!.Schema), fields, nameMapping);
        var rows = reader.Metadata?.NumRows ?? 0;
        var columns = NewColumns(path, fields, byId, rows);
        var start = 0L;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            await ReadRowGroupAsync(path, rowGroup, fields, byId, columns, start, cancellationToken);
            start += rowGroup.RowCount;
        }

        return (rows, columns);
    }

    /// <summary>
    /// The file's top-level columns by Iceberg field id: by the ids the writer gave, else by the table's name mapping,
    /// else by name (exact first, then ignoring case).
    /// </summary>
    private static Dictionary<int, Field> FieldsById(
        IReadOnlyList<Field> top, Dictionary<string, int> ids, IReadOnlyList<IcebergField> fields, IReadOnlyDictionary<string, int>? nameMapping)
    {
        var byId = new Dictionary<int, Field>();
        if (ids.Count > 0 || nameMapping is not null)
        {
            IReadOnlyDictionary<string, int> names = ids.Count > 0 ? ids : nameMapping!;
            foreach (var field in top)
            {
                if (names.TryGetValue(field.Name, out var id))
                {
                    byId[id] = field;
                }
            }

            return byId;
        }

        foreach (var wanted in fields)
        {
            var field = top.FirstOrDefault(f => f.Name == wanted.Name) ?? top.FirstOrDefault(f => string.Equals(f.Name, wanted.Name, StringComparison.OrdinalIgnoreCase));
            if (field is not null)
            {
                byId[wanted.Id] = field;
            }
        }

        return byId;
    }

    /// <summary>An empty column of <paramref name="rows"/> values for each field the file holds; none for a field it lacks.</summary>
    private static object?[]?[] NewColumns(string path, IReadOnlyList<IcebergField> fields, Dictionary<int, Field> byId, long rows)
    {
        var columns = new object?[]?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            if (byId.TryGetValue(fields[i].Id, out var field))
            {
                columns[i] = field is DataField { IsArray: false }
                    ? new object?[rows]
                    : throw IcebergErrors.Unsupported(path, $"the nested column '{field.Name}' in a data file");
            }
        }

        return columns;
    }

    /// <summary>Reads one row group's values into the columns, from row <paramref name="start"/> on.</summary>
    private static async Task ReadRowGroupAsync(
        string path, ParquetRowGroupReader rowGroup, IReadOnlyList<IcebergField> fields, Dictionary<int, Field> byId, object?[]?[] columns, long start, CancellationToken cancellationToken)
    {
        var count = (int)rowGroup.RowCount;
        for (var i = 0; i < fields.Count; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }

            var data = (DataField)byId[fields[i].Id];
            var values = rowGroup.ColumnExists(data) ? await ReadColumnAsync(rowGroup, data, count, cancellationToken) : new object?[count];
            for (var row = 0; row < count; row++)
            {
                column[start + row] = IcebergTypes.FromParquet(path, fields[i], values[row]);
            }
        }
    }

    /// <summary>The field ids of the top-level columns, by name, from the footer's depth-first schema list (none when the writer gave none).</summary>
    private static Dictionary<string, int> TopLevelIds(List<SchemaElement> schema)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 1;
        for (var child = 0; schema.Count > 0 && child < (schema[0].NumChildren ?? 0) && next < schema.Count; child++)
        {
            var element = schema[next];
            if (element.FieldId is { } id)
            {
                ids[element.Name] = id;
            }

            next = Skip(schema, next);
        }

        return ids;
    }

    /// <summary>The index after the subtree that starts at <paramref name="index"/>.</summary>
    private static int Skip(List<SchemaElement> schema, int index)
    {
        var children = schema[index].NumChildren ?? 0;
        index++;
        for (var i = 0; i < children && index < schema.Count; i++)
        {
            index = Skip(schema, index);
        }

        return index;
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
            _ when type == typeof(int) => await Read<int>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(long) => await Read<long>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(float) => await Read<float>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(double) => await Read<double>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(decimal) => await Read<decimal>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(BigDecimal) => await Read<BigDecimal>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(DateTime) => await Read<DateTime>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(DateOnly) => await Read<DateOnly>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(TimeSpan) => await Read<TimeSpan>(rowGroup, field, count, cancellationToken),
            _ when type == typeof(Guid) => await Read<Guid>(rowGroup, field, count, cancellationToken),
            _ => throw new InvalidDataException($"column '{field.Name}' has the Parquet type {type.Name}, which an Iceberg column cannot have"),
        };
    }

    private static async Task<object?[]> Read<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        var boxed = new object?[count];
        if (field.MaxDefinitionLevel == 0)
        {
            var required = new T[count];
            await rowGroup.ReadAsync(field, required.AsMemory(), null, cancellationToken);
            for (var i = 0; i < count; i++)
            {
                boxed[i] = required[i];
            }

            return boxed;
        }

        var values = new T?[count];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            boxed[i] = values[i];
        }

        return boxed;
    }
}
