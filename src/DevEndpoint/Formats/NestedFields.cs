using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>
/// The fields of nested catalog types as the readers walk them: a <c>struct&lt;...&gt;</c> column is read as one
/// column per leaf, named by its path (<c>address.city</c>), and arrays and maps as JSON text. <c>Frames.NestedColumns</c>
/// gives the loaded columns this makes.
/// </summary>
internal static class NestedFields
{
    /// <summary>Each loaded column with the field names that lead to it in a record, and whether its values are written as JSON text.</summary>
    internal static IReadOnlyList<Leaf> Leaves(IEnumerable<Column> columns)
    {
        var leaves = new List<Leaf>();
        foreach (var column in columns)
        {
            Add(leaves, column.Name, [column.Name], column.Type, column.Comment);
        }

        return leaves;
    }

    private static void Add(List<Leaf> leaves, string name, string[] path, string type, string? comment)
    {
        var trimmed = type.Trim();
        if (Inner(trimmed, "struct") is { } fields)
        {
            foreach (var (field, fieldType) in Fields(fields))
            {
                Add(leaves, $"{name}.{field}", [.. path, field], fieldType, comment);
            }

            return;
        }

        var json = Inner(trimmed, "array") is not null || Inner(trimmed, "map") is not null;
        leaves.Add(new Leaf(new Column(name, json ? "string" : type, comment), path, json, trimmed));
    }

    /// <summary>The fields of a <c>struct&lt;...&gt;</c> type, in order; none for a type of another kind.</summary>
    internal static IEnumerable<(string Name, string Type)> StructFields(string type) =>
        Inner(type.Trim(), "struct") is { } fields ? Fields(fields) : [];

    /// <summary>The element type of an <c>array&lt;...&gt;</c> type; <c>null</c> for a type of another kind.</summary>
    internal static string? ArrayElement(string type) => Inner(type.Trim(), "array")?.Trim();

    /// <summary>What is between the angle brackets of <c>kind&lt;...&gt;</c>, or <c>null</c> for a type of another kind.</summary>
    private static string? Inner(string type, string kind) =>
        type.Length > kind.Length + 1 && type.StartsWith(kind, StringComparison.OrdinalIgnoreCase) && type[kind.Length] == '<' && type[^1] == '>'
            ? type[(kind.Length + 1)..^1]
            : null;

    /// <summary>The <c>name:type</c> fields of a struct, split at the commas outside angle brackets and parentheses.</summary>
    private static IEnumerable<(string Name, string Type)> Fields(string fields) =>
        HiveTypes.SplitList(fields)
            .Select(field => (Field: field, Colon: field.IndexOf(':', StringComparison.Ordinal)))
            .Where(f => f.Colon > 0)
            .Select(f => (f.Field[..f.Colon].Trim(), f.Field[(f.Colon + 1)..].Trim()));

    /// <summary>
    /// A loaded column, the field names leading to it from the record, whether its values are JSON text (arrays and
    /// maps), and the catalog type of those values (<c>array&lt;int&gt;</c> for a JSON text column).
    /// </summary>
    internal sealed record Leaf(Column Column, IReadOnlyList<string> Path, bool Json, string Type);
}
