using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// The frame with only the first row of each set of rows equal in <paramref name="keys"/> (every column when none are
    /// named); nulls count as equal to each other.
    /// </summary>
    public static DataFrame Deduplicate(this DataFrame frame, params IEnumerable<string> keys)
    {
        var columns = FrameColumns.RequireAll(frame, keys, nameof(Deduplicate));
        if (columns.Count == 0)
        {
            columns = [.. frame.Columns];
        }

        var seen = new HashSet<object?[]>(KeyComparer.Instance);
        var first = new BooleanDataFrameColumn("first", frame.Rows.Count);
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            first[row] = seen.Add(columns.Select(c => (object?)c[row]).ToArray());
        }

        return frame.Filter(first);
    }
}
