using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// The rows of <paramref name="frame"/>, then those of <paramref name="other"/>, matched by column name (the
    /// columns may come in another order); both must have the same columns with the same types.
    /// </summary>
    public static DataFrame Union(this DataFrame frame, DataFrame other)
    {
        const string transform = nameof(Union);
        if (other.Columns.FirstOrDefault(c => frame.Columns.IndexOf(c.Name) < 0) is { } extra)
        {
            throw new DevEndpointException(
                $"{transform}: the second frame has column '{extra.Name}', which the first does not; drop it or add it to the first.");
        }

        var columns = new List<DataFrameColumn>();
        foreach (var first in frame.Columns)
        {
            var second = FrameColumns.Require(other, first.Name, transform);
            if (second.DataType != first.DataType)
            {
                throw new DevEndpointException(
                    $"{transform}: column '{first.Name}' holds {first.DataType.Name} values in the first frame and "
                    + $"{second.DataType.Name} values in the second; cast one with ApplyMapping first.");
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
