using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

/// <summary>Frames with the values writers get wrong: nulls, decimals, dates, timestamps, and text with commas, quotes, line breaks and UTF-8.</summary>
internal static class WrittenFrames
{
    public static DataFrame Awkward() => new(
        new Int32DataFrameColumn("id", [1, 2, 3, 4]),
        new Int64DataFrameColumn("big", [5_000_000_000L, null, -1L, 0L]),
        new DecimalDataFrameColumn("price", [12.50m, null, -0.001m, 123456789.99m]),
        new DoubleDataFrameColumn("ratio", [0.1, 1e-300, null, -2.5]),
        new BooleanDataFrameColumn("flag", [true, false, null, true]),
        new PrimitiveDataFrameColumn<DateTime>("day", [new DateTime(2024, 1, 31), null, new DateTime(1999, 12, 31), new DateTime(2024, 2, 29)]),
        new PrimitiveDataFrameColumn<DateTime>("at", [new DateTime(2024, 1, 31, 23, 59, 58, 123), new DateTime(2024, 2, 1, 0, 0, 1), null, new DateTime(2000, 1, 1, 12, 0, 0)]),
        new StringDataFrameColumn("text", ["plain", "a, \"quoted\" one", "two\nlines, and ünïcödé ✓ 日本", null]));

    /// <summary>Orders: 6 rows over 3 (year, month) partitions.</summary>
    public static DataFrame Orders() => new(
        new Int32DataFrameColumn("order_id", [1, 2, 3, 4, 5, 6]),
        new DecimalDataFrameColumn("amount", [10.5m, 20m, 30.25m, 40m, 50m, 60.75m]),
        new StringDataFrameColumn("status", ["new", "paid", "new", "shipped", "paid", "new"]),
        new Int32DataFrameColumn("year", [2024, 2024, 2024, 2025, 2025, 2024]),
        new StringDataFrameColumn("month", ["01", "01", "02", "01", "01", "02"]));

    /// <summary>Each row's values, with numbers as the type their column holds, to compare frames.</summary>
    public static List<object?[]> Rows(DataFrame frame, params string[] columns) =>
        Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(r => columns.Select(c => (object?)frame.Columns[c][r]).ToArray())
            .ToList();
}
