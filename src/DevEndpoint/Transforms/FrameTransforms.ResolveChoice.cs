using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>The Hive types from the narrowest reader to the widest: a value of a choice column is of the first of its choices that reads it.</summary>
    private static readonly string[] Narrowest =
        ["boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal", "date", "timestamp", "string"];

    /// <summary>
    /// Settles a choice column (Glue's choice type: a <c>string</c> column whose catalog <paramref name="column"/> records
    /// the types seen, see <see cref="Column.Choices"/>) by <paramref name="action"/>:
    /// <c>cast:T</c> casts every value to T (a value that does not cast becomes a null and an error record);
    /// <c>project:T</c> keeps the values of type T, the others become nulls; <c>make_cols</c> replaces the column with one
    /// column per type, <c>price_int</c>, <c>price_string</c>, each holding the values of its type.
    /// </summary>
    public static TransformResult ResolveChoice(this DataFrame frame, Column column, string action)
    {
        const string transform = nameof(ResolveChoice);
        var source = FrameColumns.Require(frame, column.Name, transform);
        if (column.Choices.Count == 0)
        {
            throw new DevEndpointException(
                $"{transform}: column '{column.Name}' is not a choice column (its type is {column.Type}); cast it with ApplyMapping.");
        }

        if (source.DataType != typeof(string))
        {
            throw new DevEndpointException($"{transform}: column '{column.Name}' holds {source.DataType.Name} values, not the text of a choice column.");
        }

        var errors = new RowErrors(transform);
        var (verb, type) = action.Split(':', 2) is [var v, var t] ? (v, FrameColumns.RequireType(t, transform)) : (action, null);
        var replacement = (verb, type) switch
        {
            ("cast", not null) => [FrameColumns.Cast(source, column.Name, type, errors)],
            ("project", not null) when column.Choices.Contains(type) =>
                [ByChoice(source, column.Choices, errors)[type].Build()],
            ("project", not null) => throw new DevEndpointException(
                $"{transform}: column '{column.Name}' is a choice of {string.Join(", ", column.Choices)}, not of {type}; project to one of those."),
            ("make_cols", null) => ByChoice(source, column.Choices, errors).Select(b =>
            {
                var built = b.Value.Build();
                built.SetName($"{column.Name}_{b.Key.Split('(')[0]}");
                return built;
            }).ToList(),
            _ => throw new DevEndpointException($"{transform}: '{action}' is not an action; use cast:<type>, project:<type> or make_cols."),
        };

        var columns = new List<DataFrameColumn>();
        foreach (var c in frame.Columns)
        {
            columns.AddRange(c == source ? replacement : [c.Clone()]);
        }

        return errors.Result(new DataFrame(columns));
    }

    /// <summary>
    /// One builder per choice type, in the choices' order, named after the column; each value goes to the narrowest type
    /// that reads it and is a null in the others. A value no choice reads is a null in all and an error record.
    /// </summary>
    private static Dictionary<string, ColumnBuilder> ByChoice(DataFrameColumn source, IReadOnlyList<string> choices, RowErrors errors)
    {
        var builders = choices.ToDictionary(t => t, t => ColumnBuilder.For(new Column(source.Name, t)));
        var ranked = builders.OrderBy(b => Array.IndexOf(Narrowest, b.Key.Split('(')[0])).Select(b => b.Value).ToList();
        for (long row = 0; row < source.Length; row++)
        {
            var text = (string?)source[row];
            var taker = ranked.FirstOrDefault(b => b.TryAddText(text, quoted: true));
            if (taker is null)
            {
                errors.Add(row, source.Name, text, $"not a value of any of its choices {string.Join(", ", choices)}.");
            }

            ranked.Where(b => b != taker).ToList().ForEach(b => b.AddNull());
        }

        return builders;
    }
}
