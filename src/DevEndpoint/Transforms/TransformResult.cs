using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

/// <summary>
/// What a transform that can fail row by row gives back: the frame of the rows that went through, and the rows that
/// failed as data, in <see cref="Errors"/> (<c>row</c>, <c>column</c>, <c>value</c>, <c>reason</c>; <c>row</c> is the
/// failed row's index in the input frame).
/// </summary>
public sealed class TransformResult
{
    internal TransformResult(string transform, DataFrame frame, ErrorFrame errors)
    {
        Transform = transform;
        Frame = frame;
        Errors = errors;
    }

    /// <summary>The transform's Glue name (<c>ApplyMapping</c>, <c>Map</c>, ...), which error messages start with.</summary>
    public string Transform { get; }

    public DataFrame Frame { get; }

    /// <summary>The failed rows; its <see cref="ErrorFrame.Head"/> and <see cref="ErrorFrame.Tail"/> work when there are none.</summary>
    public ErrorFrame Errors { get; }

    public long ErrorCount => Errors.Rows.Count;

    /// <summary>
    /// This result when at most <paramref name="threshold"/> rows failed; otherwise fails the step with how many failed
    /// and the first failure.
    /// </summary>
    public TransformResult FailIfMoreErrorsThan(long threshold)
    {
        if (threshold < 0)
        {
            throw TransformErrors.NegativeThreshold(threshold);
        }

        if (ErrorCount <= threshold)
        {
            return this;
        }

        var row = Errors.Rows[0];
        var column = row[1] is string name ? $", column '{name}'" : string.Empty;
        var value = row[2] is string text ? $", value '{text}'" : string.Empty;
        throw new DevEndpointException(
            $"{Transform}: {ErrorCount} row(s) failed, more than the error threshold of {threshold}. "
            + $"First: row {row[0]}{column}{value}: {row[3]} See the result's Errors for every failed row.");
    }
}
