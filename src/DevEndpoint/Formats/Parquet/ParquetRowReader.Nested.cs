using DevEndpoint.Catalog;
using Parquet.Schema;
using Parquet.Serialization;

namespace DevEndpoint.Formats.Parquet;

/// <summary>Nested values of Parquet files: lists assembled from their levels, maps and lists of structs from the records.</summary>
internal sealed partial class ParquetRowReader
{
    /// <summary>
    /// Where a loaded column's values are in the file: a column (a struct leaf too) outside any list is read as a
    /// column chunk; a list of values (or of lists of values) is assembled from its leaf's levels; a map or a list of
    /// structs is taken from the file's records; both are written as JSON text.
    /// </summary>
    private static LeafField? Field(ParquetSchema schema, NestedFields.Leaf leaf, IReadOnlyDictionary<string, string>? physicalNames)
    {
        IReadOnlyList<Field> level = schema.Fields;
        var names = new List<string>();
        for (var i = 0; i < leaf.Path.Count; i++)
        {
            var physical = physicalNames?.GetValueOrDefault(string.Join('.', leaf.Path.Take(i + 1)));
            var field = physical is null
                ? level.FirstOrDefault(f => ColumnNames.Clean(f.Name) == leaf.Path[i])
                : level.FirstOrDefault(f => f.Name == physical);
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

    /// <summary>A loaded column's field in a Parquet schema: the column chunk to read, the list to assemble, or the path to its nested value in a record.</summary>
    private sealed record LeafField(DataField? Data, IReadOnlyList<string> Path, bool Json, (IReadOnlyList<int> ElementLevels, DataField Leaf)? List);
}
