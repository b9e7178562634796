using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

/// <summary>Collects the rows a transform could not take, and makes them the <see cref="TransformResult.Errors"/> frame.</summary>
internal sealed class RowErrors(string transform)
{
    private readonly List<long> rows = [];
    private readonly List<string?> columns = [];
    private readonly List<string?> values = [];
    private readonly List<string> reasons = [];

    public int Count => rows.Count;

    /// <summary>The value and reason of the first row collected; only when <see cref="Count"/> is above 0.</summary>
    public (string? Value, string Reason) First => (values[0], reasons[0]);

    public void Add(long row, string? column, string? value, string reason)
    {
        rows.Add(row);
        columns.Add(column);
        values.Add(value);
        reasons.Add(reason);
    }

    public TransformResult Result(DataFrame frame) => new(
        transform,
        frame,
        new ErrorFrame(
            new Int64DataFrameColumn("row", rows),
            new StringDataFrameColumn("column", columns),
            new StringDataFrameColumn("value", values),
            new StringDataFrameColumn("reason", reasons)));
}
