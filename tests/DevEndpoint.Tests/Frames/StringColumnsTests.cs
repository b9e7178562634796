using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Frames;

public sealed class StringColumnsTests
{
    private static readonly string?[] First = ["b", null, "a", "b"];
    private static readonly string?[] Second = [null, "c", "a"];

    [Fact]
    public void A_column_filled_directly_equals_one_built_by_appending()
    {
        var filled = StringColumns.Create("s", [new ArraySegment<string?>(First), new ArraySegment<string?>(Second, 0, 3), ArraySegment<string?>.Empty]);
        var appended = new StringDataFrameColumn("s", First.Concat(Second));

        Assert.True(StringColumns.Direct, "Microsoft.Data.Analysis no longer has the fields StringColumns fills; it fell back to appending.");
        Assert.Equal(appended.Length, filled.Length);
        Assert.Equal(appended.NullCount, filled.NullCount);
        Assert.Equal(appended.ToArray(), filled.ToArray());
        Assert.Equal(appended.Sort().ToArray(), filled.Sort().ToArray());
    }

    [Fact]
    public void A_column_filled_directly_goes_on_working_as_a_column()
    {
        var filled = StringColumns.Create("s", [new ArraySegment<string?>(First, 1, 3)]);

        filled.Append("d");
        filled[0] = "z";
        var frame = new DataFrame(filled, new Int32DataFrameColumn("n", [1, 2, 3, 4]));
        var counts = frame.GroupBy("s").Count();

        Assert.Equal(new[] { "z", "a", "b", "d" }, filled.ToArray());
        Assert.Equal(0, filled.NullCount);
        Assert.Equal(4, counts.Rows.Count);
        Assert.Equal(new[] { "z", "a", "b" }, frame.Filter(frame["n"].ElementwiseLessThan(4))["s"].Cast<string>());
    }

    [Fact]
    public void Utf8_bytes_are_counted_from_the_values_lists_shared_strings_and_all()
    {
        var shared = "café";
        string?[] values = [shared, shared, null, "日本", shared, string.Empty, new string("café".AsSpan())];
        var appended = new StringDataFrameColumn("s", values);
        appended[1] = "x";

        Assert.Equal(5 + 1 + 6 + 5 + 0 + 5, StringColumns.Utf8ByteCount(appended));
        Assert.Equal(5 + 5 + 6 + 5 + 0 + 5, StringColumns.Utf8ByteCount(StringColumns.Create("s", [new ArraySegment<string?>(values)])));
        Assert.True(StringColumns.Direct);
    }

    [Fact]
    public void An_empty_column_has_no_rows()
    {
        var filled = StringColumns.Create("s", []);

        Assert.Equal(0, filled.Length);
        Assert.Equal(0, filled.NullCount);
        filled.Append(null);
        Assert.Equal(1, filled.NullCount);
    }
}
