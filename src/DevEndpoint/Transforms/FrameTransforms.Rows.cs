using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// The rows for which <paramref name="predicate"/> is true; it sees each row as a record (column name to value). A row
    /// whose predicate throws is left out and becomes an error record with the reason.
    /// </summary>
    public static TransformResult Filter(this DataFrame frame, Func<IReadOnlyDictionary<string, object?>, bool> predicate)
    {
        RequirePredicate(frame, predicate, nameof(Filter));
        var errors = new RowErrors(nameof(Filter));
        var (matching, _) = Test(frame, predicate, errors);
        return errors.Result(frame.Filter(matching));
    }

    /// <summary>
    /// Splits the rows in two: those for which <paramref name="predicate"/> is true (in <c>Matching.Frame</c>) and the
    /// others (<c>Others</c>). A row whose predicate throws is in neither, and in <c>Matching.Errors</c> with the reason.
    /// </summary>
    public static (TransformResult Matching, DataFrame Others) SplitRows(
        this DataFrame frame, Func<IReadOnlyDictionary<string, object?>, bool> predicate)
    {
        RequirePredicate(frame, predicate, nameof(SplitRows));
        var errors = new RowErrors(nameof(SplitRows));
        var (matching, others) = Test(frame, predicate, errors);
        return (errors.Result(frame.Filter(matching)), frame.Filter(others));
    }

    /// <summary>Which rows <paramref name="predicate"/> holds for, and which it does not; a row whose predicate throws is in neither.</summary>
    private static (BooleanDataFrameColumn Matching, BooleanDataFrameColumn Others) Test(
        DataFrame frame, Func<IReadOnlyDictionary<string, object?>, bool> predicate, RowErrors errors)
    {
        var matching = new BooleanDataFrameColumn("matching", frame.Rows.Count);
        var others = new BooleanDataFrameColumn("others", frame.Rows.Count);
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            try
            {
                var holds = predicate(Record(frame, row));
                matching[row] = holds;
                others[row] = !holds;
            }
            catch (Exception e)
            {
                matching[row] = false;
                others[row] = false;
                errors.Add(row, null, null, Threw("predicate", e));
            }
        }

        return (matching, others);
    }

    /// <summary>
    /// Applies <paramref name="function"/> to every row, given as a record it may change and return (or return another).
    /// The result holds what the functions return: one column per field, in the order first seen, typed by its values
    /// (numbers of several types as the widest, values that do not mix as text; a field that is always null keeps the
    /// input column's type, or is a <c>string</c>); a record without a field has a null there, and so has a value its
    /// column's type cannot hold (a decimal beyond <c>decimal(38,18)</c>), with an error record. A row whose function
    /// throws or returns null is left out and becomes an error record with the reason; the rest go on. When no row comes
    /// back, the result has the input's columns and no rows.
    /// </summary>
    public static TransformResult Map(
        this DataFrame frame, Func<Dictionary<string, object?>, IReadOnlyDictionary<string, object?>> function)
    {
        const string transform = nameof(Map);
        FrameColumns.RequireFrame(frame, transform);
        FrameColumns.RequireArgument(function, transform, "the function", "a function of a row, such as row => { row[\"total\"] = 1; return row; }");
        var errors = new RowErrors(transform);
        var records = new List<(long Row, Dictionary<string, object?> Record)>();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            try
            {
                if (function(Record(frame, row)) is { } record)
                {
                    records.Add((row, record.ToDictionary(f => f.Key, f => Normal(f.Value), StringComparer.Ordinal)));
                }
                else
                {
                    errors.Add(row, null, null, "the function returned null instead of a record.");
                }
            }
            catch (Exception e)
            {
                errors.Add(row, null, null, Threw("function", e));
            }
        }

        var types = FieldTypes(records.Select(r => r.Record));
        if (records.Count == 0)
        {
            return errors.Result(frame.Filter(new BooleanDataFrameColumn("none", Enumerable.Repeat(false, (int)frame.Rows.Count))));
        }

        var columns = new List<DataFrameColumn>();
        foreach (var (name, type) in types)
        {
            var builder = ColumnBuilder.For(new Column(
                name, type ?? (frame.Columns.IndexOf(name) is >= 0 and var index ? FrameColumns.HiveType(frame.Columns[index].DataType) : "string")));
            foreach (var (row, record) in records)
            {
                var value = record.GetValueOrDefault(name);
                string? reason = null;
                builder.AddValue(value is null ? null : HiveCasts.Cast(value, builder.Column.Type, builder.Column.Type, out reason));
                if (reason is not null)
                {
                    errors.Add(row, name, FrameColumns.Text(value), reason);
                }
            }

            columns.Add(builder.Build());
        }

        return errors.Result(new DataFrame(columns));
    }

    /// <summary>Each field of the records, in the order first seen, with the widest Hive type of its values (null when it is always null).</summary>
    private static Dictionary<string, string?> FieldTypes(IEnumerable<Dictionary<string, object?>> records)
    {
        var types = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in records.SelectMany(r => r))
        {
            var type = value is null ? null : FrameColumns.HiveType(value.GetType());
            var seen = types.GetValueOrDefault(name);
            types[name] = seen is null ? type : type is null ? seen : HiveTypes.Widen(seen, type);
        }

        return types;
    }

    /// <summary>Fails when the frame or the predicate is null.</summary>
    private static void RequirePredicate(DataFrame frame, Func<IReadOnlyDictionary<string, object?>, bool> predicate, string transform)
    {
        FrameColumns.RequireFrame(frame, transform);
        FrameColumns.RequireArgument(predicate, transform, "the predicate", "a function of a row, such as row => (int)row[\"id\"]! > 1");
    }

    /// <summary>A value a function returned as a frame holds it: dates and offsets as DateTime (offsets in UTC).</summary>
    private static object? Normal(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset offset => offset.UtcDateTime,
        _ => value,
    };

    private static Dictionary<string, object?> Record(DataFrame frame, long row) =>
        frame.Columns.ToDictionary(c => c.Name, c => (object?)c[row]);

    private static string Threw(string what, Exception e) => $"the {what} threw {e.GetType().Name}: {e.Message}";
}
