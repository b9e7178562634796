using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>The Hive types from the narrowest reader to the widest: a value of a choice column is of the first of its choices that reads it.</summary>
    private static readonly string[] Narrowest =
        ["boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal", "date", "timestamp", "string"];

    /// <summary>
    /// Settles column <paramref name="name"/> by a Glue spec: <c>cast:T</c> casts every value to T (a value that does
    /// not cast becomes a null and an error record); <c>project:T</c> keeps the values of type T, the others become
    /// nulls; <c>make_cols</c> replaces the column with one column per type, <c>price_int</c>, <c>price_string</c>;
    /// <c>make_struct</c> with a struct of one field per type, as a load gives struct fields: <c>price.int</c>,
    /// <c>price.string</c>. A text column's types are those the crawler reads in its values (<c>12</c> is an int,
    /// <c>n/a</c> a string); a typed column has one.
    /// </summary>
    public static TransformResult ResolveChoice(this DataFrame frame, string name, string spec) =>
        frame.ResolveChoice((name, spec));

    /// <summary>Settles several columns at once, one Glue spec each (see <see cref="ResolveChoice(DataFrame, string, string)"/>): <c>("price", "cast:double"), ("id", "make_cols")</c>.</summary>
    public static TransformResult ResolveChoice(this DataFrame frame, params IEnumerable<(string Column, string Spec)> specs)
    {
        const string transform = nameof(ResolveChoice);
        FrameColumns.RequireFrame(frame, transform);
        FrameColumns.RequireArgument(specs, transform, "the list of specs", "(column, spec) tuples");
        var errors = new RowErrors(transform);
        var resolved = frame;
        foreach (var (name, spec) in specs.ToList() is { Count: > 0 } list ? list : throw TransformErrors.NoSpecs())
        {
            var source = FrameColumns.Require(resolved, name, transform);
            resolved = Resolve(resolved, source, ValueTypes(source), spec, errors);
        }

        return errors.Result(resolved);
    }

    /// <summary>
    /// Settles a choice column as the crawler recorded it: a <c>string</c> column whose catalog <paramref name="column"/>
    /// lists the types seen (see <see cref="Column.Choices"/>), by a spec of <see cref="ResolveChoice(DataFrame, string, string)"/>.
    /// </summary>
    public static TransformResult ResolveChoice(this DataFrame frame, Column column, string spec)
    {
        const string transform = nameof(ResolveChoice);
        FrameColumns.RequireArgument(column, transform, "the catalog column", "a column of the table, or the column's name");
        var source = FrameColumns.Require(frame, column.Name, transform);
        if (column.Choices.Count == 0)
        {
            throw TransformErrors.NotAChoice(column.Name, column.Type);
        }

        if (source.DataType != typeof(string))
        {
            throw TransformErrors.NotChoiceText(column.Name, FrameColumns.HiveType(source));
        }

        var errors = new RowErrors(transform);
        return errors.Result(Resolve(frame, source, column.Choices, spec, errors));
    }

    private static DataFrame Resolve(DataFrame frame, DataFrameColumn source, IReadOnlyList<string> choices, string? spec, RowErrors errors)
    {
        const string transform = nameof(ResolveChoice);
        spec = FrameColumns.RequireArgument(spec, transform, "the spec", TransformErrors.AcceptedSpecs);
        var (verb, type) = spec.Split(':', 2) is [var v, var t] ? (v.Trim(), FrameColumns.RequireType(t, transform)) : (spec.Trim(), null);
        var replacement = (verb, type) switch
        {
            ("cast", not null) when HiveCasts.CanCast(FrameColumns.HiveType(source), HiveCasts.Family(type)) =>
                [FrameColumns.Cast(source, FrameColumns.HiveType(source), source.Name, type, errors)],
            ("cast", not null) => throw TransformErrors.NoCast(transform, source.Name, FrameColumns.HiveType(source), type),
            ("project", not null) when choices.Contains(type) => [Split(source, choices, _ => source.Name, errors)[type]],
            ("project", not null) => throw TransformErrors.NotAChoiceOf(source.Name, choices, type),
            ("make_cols", null) => Split(source, choices, t => $"{source.Name}_{t}", errors).Values.ToList(),
            ("make_struct", null) => Split(source, choices, t => $"{source.Name}.{t}", errors).Values.ToList(),
            _ => throw TransformErrors.NotASpec(spec),
        };

        if (replacement.FirstOrDefault(c => c.Name != source.Name && frame.Columns.IndexOf(c.Name) >= 0) is { } clash)
        {
            throw TransformErrors.ColumnExists(transform, clash.Name, verb);
        }

        var columns = new List<DataFrameColumn>();
        foreach (var c in frame.Columns)
        {
            columns.AddRange(c == source ? replacement : [c.Clone()]);
        }

        return new DataFrame(columns);
    }

    /// <summary>The types of a column's values: a text column's as the crawler types text (the choices it records when they conflict), a typed column's own.</summary>
    private static IReadOnlyList<string> ValueTypes(DataFrameColumn column)
    {
        if (column.DataType != typeof(string))
        {
            return [FrameColumns.HiveType(column.DataType)];
        }

        var type = InferredType.Null;
        for (long row = 0; row < column.Length; row++)
        {
            if (column[row] is string text)
            {
                type = type.Widen(TextValues.Infer(text));
            }
        }

        var inferred = type.ToColumn(column.Name);
        return inferred.Choices.Count > 0 ? inferred.Choices : [inferred.Type];
    }

    /// <summary>
    /// One column per choice type, in the choices' order, named by <paramref name="name"/> from the type's name
    /// (without its precision); each value goes to the narrowest type that reads it and is a null in the others. A value
    /// no choice reads is a null in all and an error record.
    /// </summary>
    private static Dictionary<string, DataFrameColumn> Split(DataFrameColumn source, IReadOnlyList<string> choices, Func<string, string> name, RowErrors errors)
    {
        var builders = choices.ToDictionary(t => t, t => ColumnBuilder.For(new Column(name(t.Split('(')[0]), t)));
        var ranked = builders.OrderBy(b => Array.IndexOf(Narrowest, HiveCasts.Family(b.Key))).Select(b => b.Value).ToList();
        for (long row = 0; row < source.Length; row++)
        {
            var value = source[row];
            var text = value as string ?? FrameColumns.Text(value);
            var taker = value is null ? null : ranked.FirstOrDefault(b => b.TryAddText(text, quoted: true));
            if (value is not null && taker is null)
            {
                errors.Add(row, source.Name, text, $"not a value of any of its choices {string.Join(", ", choices)}.");
            }

            ranked.Where(b => b != taker).ToList().ForEach(b => b.AddNull());
        }

        return builders.ToDictionary(b => b.Key, b => b.Value.Build());
    }
}
