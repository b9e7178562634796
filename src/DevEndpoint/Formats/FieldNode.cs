using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>
/// A node of the tree a reader of nested records (JSON lines, XML rows) walks: the fields of a record by their cleaned
/// names, down to the leaves that are loaded columns. Each reader adds how it finds a field by the name in its files.
/// </summary>
internal abstract class FieldNode<TField>
    where TField : FieldNode<TField>, new()
{
    public Dictionary<string, TField> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The index of the column builder a leaf fills; -1 for a field that is not a leaf.</summary>
    public int Column { get; private set; } = -1;

    public NestedFields.Leaf? Leaf { get; private set; }

    /// <summary>
    /// The tree of the table's loaded columns that <paramref name="columns"/> hold, and the indexes of those builders
    /// (the others are partition keys).
    /// </summary>
    public static (TField Root, int[] Data) Build(CatalogTable table, List<ColumnSink> columns)
    {
        var leaves = NestedFields.Leaves(table.StorageDescriptor.Columns).DistinctBy(l => l.Column.Name).ToDictionary(l => l.Column.Name);
        var root = new TField();
        var data = Enumerable.Range(0, columns.Count).Where(i => leaves.ContainsKey(columns[i].Column.Name)).ToArray();
        foreach (var i in data)
        {
            var field = root;
            var leaf = leaves[columns[i].Column.Name];
            foreach (var name in leaf.Path)
            {
                field = field.Fields.TryGetValue(name, out var inner) ? inner : field.Fields[name] = new TField();
            }

            field.Column = i;
            field.Leaf = leaf;
        }

        return (root, data);
    }
}
