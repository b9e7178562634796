using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

/// <summary>
/// The rows an operation set aside, as a DataFrame: a load's bad records (<see cref="Loading.LoadResult.Errors"/>) or a
/// transform's failed rows (<see cref="Transforms.TransformResult.Errors"/>). Its <see cref="Head"/> and <see cref="Tail"/>
/// take any count, also on a frame of no rows, which is what an error frame mostly is. Microsoft.Data.Analysis's own
/// Head and Tail copy the rows through a map of row numbers that is not cut to the frame's length, so they fail when the
/// frame has fewer rows than asked for, and on any frame of no rows (a column that holds no values cannot be copied
/// through a map).
/// </summary>
public sealed class ErrorFrame : DataFrame
{
    internal ErrorFrame(params DataFrameColumn[] columns)
        : base(columns)
    {
    }

    /// <summary>The first <paramref name="numberOfRows"/> rows, or all of them when the frame has no more.</summary>
    public new DataFrame Head(int numberOfRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numberOfRows);
        return numberOfRows >= Rows.Count ? Clone() : base.Head(numberOfRows);
    }

    /// <summary>The last <paramref name="numberOfRows"/> rows, or all of them when the frame has no more.</summary>
    public new DataFrame Tail(int numberOfRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numberOfRows);
        return numberOfRows >= Rows.Count ? Clone() : base.Tail(numberOfRows);
    }
}
