using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Frames;

/// <summary>
/// How catalog columns of nested types become loaded columns: the catalog keeps <c>struct&lt;...&gt;</c>,
/// <c>array&lt;...&gt;</c> and <c>map&lt;...&gt;</c> types, and a load returns one column per struct leaf, named by its
/// path (<c>address.city</c>), with arrays and maps as JSON text (until a Relationalize transform exists).
/// </summary>
public static class NestedColumns
{
    /// <summary>The loaded columns of <paramref name="columns"/>, in order: struct fields flattened to their leaves, arrays and maps as <c>string</c>.</summary>
    public static IReadOnlyList<Column> Expand(IEnumerable<Column> columns) => Leaves(columns).Select(l => l.Column).ToList();

    /// <summary>Each loaded column with the field names that lead to it in a record, and whether its values are written as JSON text.</summary>
    internal static IReadOnlyList<NestedFields.Leaf> Leaves(IEnumerable<Column> columns) => NestedFields.Leaves(columns);
}
