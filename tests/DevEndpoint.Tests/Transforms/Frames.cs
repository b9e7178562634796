using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

/// <summary>Small frames the transform tests share, and a frame's values row by row for assertions.</summary>
internal static class Frames
{
    /// <summary>Orders: <c>order_id</c> int, <c>amount</c> string (one not a number), <c>status</c>, <c>note</c> (all null).</summary>
    public static DataFrame Orders() => new(
        new Int32DataFrameColumn("order_id", new int?[] { 1, 2, 3 }),
        new StringDataFrameColumn("amount", new[] { "10.50", "abc", "7" }),
        new StringDataFrameColumn("status", new[] { "open", "shipped", null }),
        new StringDataFrameColumn("note", new string?[] { null, null, null }));

    public static List<object?[]> Rows(DataFrame frame) =>
        frame.Rows.Select(r => r.ToArray()).ToList();

    public static List<string> Names(DataFrame frame) => frame.Columns.Select(c => c.Name).ToList();
}
