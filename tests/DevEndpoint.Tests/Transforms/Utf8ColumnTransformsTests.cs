using System.Globalization;
using System.Text;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

/// <summary>
/// A table whose text rarely repeats loads as UTF-8 string columns; every transform gives the rows it gives on the
/// same table loaded as .NET strings.
/// </summary>
public sealed class Utf8ColumnTransformsTests : IDisposable
{
    private const int Count = 6000;
    private readonly TempFolder temp = new();

    [Fact]
    public async Task Transforms_on_utf8_columns_give_the_rows_they_give_on_dotnet_strings()
    {
        var text = new StringBuilder("id,code,note\n");
        for (var i = 0; i < Count; i++)
        {
            var note = i % 10 == 3 ? string.Empty : $"\"note {i % 4000}, «{i * 7919 % 10007}»\"";
            text.Append(CultureInfo.InvariantCulture, $"{i},C{i % 4500:D5},{note}\n");
        }

        temp.Write("lake/notes/a.csv", text.ToString());
        using var crawled = await CrawledFolder.CreateAsync(temp.Combine("lake"), "shop");
        var utf8 = (await crawled.LoadAsync("notes")).Frame;
        var dotnet = (await crawled.LoadAsync("notes", new LoadOptions { Strings = StringStorage.Dotnet })).Frame;
        Assert.IsType<Utf8StringDataFrameColumn>(utf8.Columns["note"]);
        Assert.IsType<Utf8StringDataFrameColumn>(utf8.Columns["code"]);

        foreach (var (name, transform, ordered) in Transforms())
        {
            var (expected, actual) = (transform(dotnet), transform(utf8));
            Assert.True(Canonical(expected).SequenceEqual(Canonical(actual)), name);
            Assert.True(ordered is null || expected[ordered].Cast<object?>().SequenceEqual(actual[ordered].Cast<object?>()), name);
        }

        var sorted = dotnet["note"].Cast<string?>().OfType<string>().Order(StringComparer.Ordinal).Cast<string?>()
            .Concat(Enumerable.Repeat<string?>(null, (int)dotnet["note"].NullCount));
        Assert.Equal(sorted, utf8.OrderBy("note")["note"].Cast<string?>());
    }

    public void Dispose() => temp.Dispose();

    /// <summary>The rows as text, sorted: the same rows whatever order rows with equal sort keys came in.</summary>
    private static List<string> Canonical(DataFrame frame) =>
        Frames.Rows(frame).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "<null>"))).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each transform, and the column whose order it sets (codes sort alike by culture and by code point), if any.</summary>
    private static IEnumerable<(string Name, Func<DataFrame, DataFrame> Transform, string? Ordered)> Transforms()
    {
        var lookup = new DataFrame(
            new StringDataFrameColumn("code", Enumerable.Range(0, 50).Select(i => $"C{i * 97:D5}")),
            new Int32DataFrameColumn("weight", Enumerable.Range(0, 50)));
        yield return ("OrderBy", f => f.OrderBy("code"), "code");
        yield return ("OrderByDescending", f => f.OrderByDescending("code"), "code");
        yield return ("GroupBy note", f => f.GroupBy("note").Count(), null);
        yield return ("GroupBy code", f => f.GroupBy("code").Sum("id").OrderBy("code"), "code");
        yield return ("Filter", f => f.Filter(row => ((string?)row["note"])?.Contains("«1", StringComparison.Ordinal) == true).Frame, "id");
        yield return ("Join outer", f => f.Join(lookup, "code", JoinType.Outer), null);
        yield return ("Merge", f => f.Merge(lookup, ["code"], ["code"], joinAlgorithm: JoinAlgorithm.Inner), null);
        yield return ("Union", f => f.Union(f.Head(100)), "id");
        yield return ("Deduplicate", f => f.Deduplicate("note"), "id");
        yield return ("FillMissingValues", f => f.FillMissingValues("note", FillMethod.Constant, "none"), "note");
        yield return ("ApplyMapping", f => f.ApplyMapping(("note", "string", "text", "string"), ("id", "int", "id", "bigint")).Frame, "text");
        yield return ("RenameField", f => f.RenameField("note", "text"), "text");
        yield return ("DropNulls", f => f.DropNulls(), "note");
    }
}
