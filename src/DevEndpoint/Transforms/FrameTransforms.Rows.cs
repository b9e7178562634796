using DevEndpoint.Catalog;
using DevEndpoint.Loading;
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
    /// The result has the input's columns and types, then the new fields in the order first seen, typed by their first
    /// value. A row whose function throws, or that returns a value its column cannot hold, is left out and becomes an
    /// error record with the reason; the rest go on.
    /// </summary>
    public static TransformResult Map(
        this DataFrame frame, Func<Dictionary<string, object?>, IReadOnlyDictionary<string, object?>> function)
    {
        var errors = new RowErrors(nameof(Map));
        var records = new List<(long Row, IReadOnlyDictionary<string, object?> Record)>();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            try
            {
                records.Add((row, function(Record(frame, row))));
            }
            catch (Exception e)
            {
                errors.Add(row, null, null, Threw("function", e));
            }
        }

        var types = frame.Columns.ToDictionary(c => c.Name, c => FrameColumns.HiveType(c.DataType));
        foreach (var (name, value) in records.SelectMany(r => r.Record).Where(f => f.Value is not null))
        {
            types.TryAdd(name, FrameColumns.HiveType(value!.GetType()));
        }

        var builders = types.Select(t => ColumnBuilder.For(new Column(t.Key, t.Value))).ToList();
        long kept = 0;
        foreach (var (row, record) in records)
        {
            var failed = builders.FirstOrDefault(b =>
                !b.TryAddText(FrameColumns.Text(record.GetValueOrDefault(b.Column.Name)), quoted: true));
            if (failed is null)
            {
                kept++;
                continue;
            }

            builders.ForEach(b => b.Truncate(kept));
            errors.Add(
                row,
                failed.Column.Name,
                FrameColumns.Text(record.GetValueOrDefault(failed.Column.Name)),
                $"the function returned a value that is not of the column's type {failed.Column.Type}.");
        }

        return errors.Result(new DataFrame(builders.Select(b => b.Build())));
    }

    private static Dictionary<string, object?> Record(DataFrame frame, long row) =>
        frame.Columns.ToDictionary(c => c.Name, c => (object?)c[row]);

    private static string Threw(string what, Exception e) => $"the {what} threw {e.GetType().Name}: {e.Message}";
}
