using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// Joins on one key column that both frames name alike. The join type is not optional: <c>left.Join(right, "id")</c>
    /// is Microsoft.Data.Analysis's own join by row position (with <c>"id"</c> as a column name suffix).
    /// </summary>
    public static DataFrame Join(this DataFrame left, DataFrame right, string key, JoinType type) =>
        left.Join(right, [key], [key], type);

    /// <summary>Joins rows whose <paramref name="leftKey"/> equals the right frame's <paramref name="rightKey"/> (see the overload with lists of keys).</summary>
    public static DataFrame Join(this DataFrame left, DataFrame right, string leftKey, string rightKey, JoinType type) =>
        left.Join(right, [leftKey], [rightKey], type);

    /// <summary>
    /// Joins rows whose <paramref name="leftKeys"/> equal <paramref name="rightKeys"/> (nulls match nothing). Keys of
    /// different numeric types compare by value, as Spark widens them (an <c>int</c> 2 matches a <c>bigint</c> 2). The
    /// result has the left columns, then the right ones; a key named alike on both sides appears once, of the wider
    /// type, with the right value on rows only the right side has. Any other name both frames use is refused.
    /// </summary>
    public static DataFrame Join(
        this DataFrame left, DataFrame right, IReadOnlyList<string> leftKeys, IReadOnlyList<string> rightKeys, JoinType type)
    {
        const string transform = nameof(Join);
        FrameColumns.RequireFrame(left, transform, "the left frame");
        FrameColumns.RequireFrame(right, transform, "the right frame");
        FrameColumns.RequireArgument(leftKeys, transform, "the list of left keys", "the names of the left frame's key columns");
        FrameColumns.RequireArgument(rightKeys, transform, "the list of right keys", "the names of the right frame's key columns");
        if (leftKeys.Count == 0 || leftKeys.Count != rightKeys.Count)
        {
            throw TransformErrors.KeyCounts(leftKeys.Count, rightKeys.Count);
        }

        var leftKeyColumns = leftKeys.Select(k => FrameColumns.Require(left, k, transform)).ToList();
        var rightKeyColumns = rightKeys.Select(k => FrameColumns.Require(right, k, transform)).ToList();
        for (var k = 0; k < leftKeys.Count; k++)
        {
            if (leftKeyColumns[k].DataType == rightKeyColumns[k].DataType)
            {
                continue;
            }

            var (leftType, rightType) = (FrameColumns.HiveType(leftKeyColumns[k]), FrameColumns.HiveType(rightKeyColumns[k]));
            var wider = HiveCasts.Wider(leftType, rightType) ?? throw TransformErrors.KeyTypes(leftKeys[k], leftType, rightKeys[k], rightType);
            var widening = new RowErrors(transform);
            leftKeyColumns[k] = FrameColumns.Cast(leftKeyColumns[k], leftType, leftKeys[k], wider, widening);
            rightKeyColumns[k] = FrameColumns.Cast(rightKeyColumns[k], rightType, rightKeys[k], wider, widening);
            if (widening.Count > 0)
            {
                throw TransformErrors.Widening(transform, leftKeys[k], wider, widening);
            }
        }

        var sharedKeys = Enumerable.Range(0, leftKeys.Count).Where(k => leftKeys[k] == rightKeys[k]).ToList();
        var sharedNames = sharedKeys.Select(k => rightKeys[k]).ToHashSet();
        var rightColumns = right.Columns.Where(c => !sharedNames.Contains(c.Name)).ToList();
        if (rightColumns.FirstOrDefault(c => left.Columns.IndexOf(c.Name) >= 0) is { } clash)
        {
            throw TransformErrors.BothHave(clash.Name);
        }

        var (leftRows, rightRows) = MatchRows(Keys(leftKeyColumns), Keys(rightKeyColumns), type);
        var columns = left.Columns.Select(c => c.Clone(leftRows)).ToList();
        foreach (var k in sharedKeys)
        {
            var index = left.Columns.IndexOf(leftKeys[k]);
            var column = columns[index] = FrameColumns.Editable(leftKeyColumns[k].Clone(leftRows));
            for (long row = 0; row < leftRows.Length; row++)
            {
                if (leftRows[row] is null)
                {
                    column[row] = rightKeyColumns[k][rightRows[row]!.Value];
                }
            }
        }

        columns.AddRange(rightColumns.Select(c => c.Clone(rightRows)));
        return new DataFrame(columns);
    }

    private static (Int64DataFrameColumn Left, Int64DataFrameColumn Right) MatchRows(
        List<object?[]?> leftKeys, List<object?[]?> rightKeys, JoinType type)
    {
        var index = new Dictionary<object?[], List<long>>(KeyComparer.Instance);
        for (var row = 0; row < rightKeys.Count; row++)
        {
            if (rightKeys[row] is { } key)
            {
                (index.TryGetValue(key, out var rows) ? rows : index[key] = []).Add(row);
            }
        }

        var leftRows = new List<long?>();
        var rightRows = new List<long?>();
        var matchedRight = new bool[rightKeys.Count];
        for (var row = 0; row < leftKeys.Count; row++)
        {
            if (leftKeys[row] is { } key && index.TryGetValue(key, out var matches))
            {
                foreach (var match in matches)
                {
                    leftRows.Add(row);
                    rightRows.Add(match);
                    matchedRight[match] = true;
                }
            }
            else if (type is JoinType.Left or JoinType.Outer)
            {
                leftRows.Add(row);
                rightRows.Add(null);
            }
        }

        if (type is JoinType.Right or JoinType.Outer)
        {
            for (var row = 0; row < rightKeys.Count; row++)
            {
                if (!matchedRight[row])
                {
                    leftRows.Add(null);
                    rightRows.Add(row);
                }
            }
        }

        return (new Int64DataFrameColumn("left", leftRows), new Int64DataFrameColumn("right", rightRows));
    }

    /// <summary>Each row's key values, or <c>null</c> for a row with a null key (which matches nothing).</summary>
    private static List<object?[]?> Keys(List<DataFrameColumn> columns) =>
        Enumerable.Range(0, (int)columns[0].Length)
            .Select(row => columns.Select(c => (object?)c[row]).ToArray() is var key && key.All(v => v is not null) ? key : null)
            .ToList();
}
