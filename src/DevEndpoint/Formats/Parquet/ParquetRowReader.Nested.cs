using DevEndpoint.Catalog;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>Nested values of Parquet files: lists, maps and lists of structs assembled from their leaves' levels.</summary>
internal sealed partial class ParquetRowReader
{
    /// <summary>
    /// Where a loaded column's values are in the file: a column (a struct leaf too) outside any list is read as a
    /// column chunk; a list of values (or of lists of values) is assembled from its leaf's levels; a map or a list of
    /// structs from the levels of all its leaves; both are written as JSON text.
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
                    return new LeafField(null, [.. names, field.Name], Json: true, ParquetLists.Shape(field)) { Nested = field };
            }
        }

        return null;
    }

    /// <summary>The values of a map, a list of structs or any nested field the levels assemble, as JSON text, for the first <paramref name="take"/> rows of a row group.</summary>
    private static async Task<object?[]> NestedValuesAsync(ParquetRowGroupReader rowGroup, Field field, CatalogTable table, string path, int take, CancellationToken cancellationToken)
    {
        object?[] values;
        try
        {
            values = await ParquetNested.ReadAsync(rowGroup, field, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            var type = table.StorageDescriptor.Columns.FirstOrDefault(c => ColumnNames.Clean(c.Name) == ColumnNames.Clean(field.Path.ToList()[0]))?.Type ?? field.Name;
            throw new DevEndpointException(
                $"{path}: column '{field.Path.ToList()[0]}' has the nested type {type}, which cannot be loaded yet ({e.Message.TrimEnd('.')}). Leave it out with --columns.", e);
        }

        return values.Take(take).Select(v => v is null ? null : (object)JsonText.Write(v)).ToArray();
    }

    /// <summary>A loaded column's field in a Parquet schema: the column chunk to read, the list to assemble, or the path to its nested value in a record.</summary>
    private sealed record LeafField(DataField? Data, IReadOnlyList<string> Path, bool Json, (IReadOnlyList<int> ElementLevels, DataField Leaf)? List)
    {
        /// <summary>A nested field whose values are assembled from its leaves' levels: a map, or a list of structs or maps.</summary>
        public Field? Nested { get; init; }
    }
}
