using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// The rows of <paramref name="frame"/>, then those of <paramref name="other"/>, matched by column name (the
    /// columns may come in another order); both must have the same columns. A column typed differently in the two takes
    /// the wider type, as Spark widens (<c>int</c> and <c>bigint</c> make <c>bigint</c>); types with none are refused.
    /// </summary>
    public static DataFrame Union(this DataFrame frame, DataFrame other)
    {
        const string transform = nameof(Union);
        FrameColumns.RequireFrame(frame, transform, "the first frame");
        FrameColumns.RequireFrame(other, transform, "the second frame");
        if (other.Columns.FirstOrDefault(c => frame.Columns.IndexOf(c.Name) < 0) is { } extra)
        {
            throw TransformErrors.ExtraColumn(extra.Name);
        }

        var columns = new List<DataFrameColumn>();
        foreach (var column in frame.Columns)
        {
            var (first, second) = (column, FrameColumns.Require(other, column.Name, transform));
            if (second.DataType != first.DataType)
            {
                var (firstType, secondType) = (FrameColumns.HiveType(first), FrameColumns.HiveType(second));
                var wider = HiveCasts.Wider(firstType, secondType) ?? throw TransformErrors.UnionTypes(first.Name, firstType, secondType);
                var widening = new RowErrors(transform);
                (first, second) = (FrameColumns.Cast(first, firstType, first.Name, wider, widening), FrameColumns.Cast(second, secondType, first.Name, wider, widening));
                if (widening.Count > 0)
                {
                    throw TransformErrors.Widening(transform, first.Name, wider, widening);
                }
            }

            var union = FrameColumns.Editable(first.Clone(numberOfNullsToAppend: second.Length));
            for (long row = 0; row < second.Length; row++)
            {
                union[first.Length + row] = second[row];
            }

            columns.Add(union);
        }

        return new DataFrame(columns);
    }
}
