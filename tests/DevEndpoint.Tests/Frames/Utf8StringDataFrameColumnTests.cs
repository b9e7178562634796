using System.Text;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Frames;

/// <summary>A UTF-8 string column answers sorting, grouping, filtering and joining as a column of .NET strings does.</summary>
public sealed class Utf8StringDataFrameColumnTests
{
    private static readonly string?[] Cities =
        ["Zürich", "Besançon", null, "zürich", "Ängelholm", "Besançon", "🙂 city", "", "Zürich", null, "Aarau", "Zürich", "Łódź"];

    [Fact]
    public void Sorting_orders_by_code_point_with_nulls_last_both_ways()
    {
        var frame = Frame(Cities);

        var ascending = frame.OrderBy("city");
        var descending = frame.OrderByDescending("city");

        var values = Cities.OfType<string>().ToList();
        var expected = values.Order(StringComparer.Ordinal).Cast<string?>().Concat([null, null]);
        Assert.Equal(expected, ascending.Columns["city"].Cast<string?>());
        Assert.Equal(values.OrderDescending(StringComparer.Ordinal).Cast<string?>().Concat([null, null]), descending.Columns["city"].Cast<string?>());
        Assert.IsType<Utf8StringDataFrameColumn>(ascending.Columns["city"]);
        Assert.Equal(ascending.Columns["city"].Cast<string?>().Select(c => Array.IndexOf(Cities, c)), ascending.Columns["first"].Cast<int?>().Select(i => Array.IndexOf(Cities, Cities[i!.Value])));
    }

    [Fact]
    public void Sorting_is_by_code_point_not_by_utf16_unit()
    {
        var frame = Frame(["\uFFFD", "\U0001F642"]);

        Assert.Equal(["\uFFFD", "\U0001F642"], frame.OrderBy("city").Columns["city"].Cast<string?>());
    }

    [Fact]
    public void Grouping_gives_the_groups_of_a_string_column()
    {
        var utf8 = Frame(Cities).GroupBy("city").Count();
        var strings = Frame(Cities, utf8: false).GroupBy("city").Count();

        Assert.Equal(Rows(strings), Rows(utf8));
        Assert.Equal(3L, Rows(utf8)["Zürich"]);
        Assert.Equal(
            Frame(Cities, utf8: false).GroupBy<string>("city").Sum("first").Rows.Count,
            Frame(Cities).GroupBy<string>("city").Sum("first").Rows.Count);
    }

    [Fact]
    public void Filtering_keeps_the_utf8_column()
    {
        var frame = Frame(Cities);

        var zurich = frame.Filter(frame.Columns["city"].ElementwiseEquals("Zürich"));

        Assert.IsType<Utf8StringDataFrameColumn>(zurich.Columns["city"]);
        Assert.Equal(["Zürich", "Zürich", "Zürich"], zurich.Columns["city"].Cast<string?>());
        Assert.Equal([0, 8, 11], zurich.Columns["first"].Cast<int?>());
    }

    [Fact]
    public void Joining_on_a_utf8_key_matches_joining_on_strings()
    {
        var countries = new DataFrame(
            Column("city", ["Zürich", "Besançon", "Łódź", "Oslo"], utf8: true),
            new StringDataFrameColumn("country", ["CH", "FR", "PL", "NO"]));
        var stringCountries = new DataFrame(
            Column("city", ["Zürich", "Besançon", "Łódź", "Oslo"], utf8: false),
            new StringDataFrameColumn("country", ["CH", "FR", "PL", "NO"]));

        var utf8 = Frame(Cities).Merge(countries, ["city"], ["city"], joinAlgorithm: JoinAlgorithm.Inner);
        var strings = Frame(Cities, utf8: false).Merge(stringCountries, ["city"], ["city"], joinAlgorithm: JoinAlgorithm.Inner);

        Assert.Equal(6, utf8.Rows.Count);
        Assert.Equal(Pairs(strings), Pairs(utf8));
    }

    [Fact]
    public void A_utf8_column_becomes_an_editable_string_column_on_request()
    {
        var column = (Utf8StringDataFrameColumn)Column("city", Cities, utf8: true);

        var strings = column.ToStringColumn();
        strings[2] = "Bern";

        Assert.Equal(Cities.Select((c, i) => i == 2 ? "Bern" : c), strings.Cast<string?>());
        Assert.Throws<NotSupportedException>(() => column[0] = "Bern");
    }

    [Fact]
    public void Offsets_shorter_than_the_length_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Utf8StringDataFrameColumn("c", new byte[3], new byte[8], new byte[1], 2, 0));

        Assert.Equal("2 values need 3 offsets (12 bytes) and 1 validity bytes; 8 and 1 were given.", error.Message);
    }

    private static DataFrame Frame(string?[] cities, bool utf8 = true) =>
        new(Column("city", cities, utf8), new Int32DataFrameColumn("first", Enumerable.Range(0, cities.Length)));

    /// <summary>A column built independently of the loader: the UTF-8 bytes, offsets and validity laid out here.</summary>
    private static DataFrameColumn Column(string name, string?[] values, bool utf8)
    {
        if (!utf8)
        {
            return new StringDataFrameColumn(name, values);
        }

        var data = new List<byte>();
        var offsets = new List<byte>(BitConverter.GetBytes(0));
        var validity = new byte[(values.Length + 7) / 8];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                data.AddRange(Encoding.UTF8.GetBytes(value));
                validity[i / 8] |= (byte)(1 << (i % 8));
            }

            offsets.AddRange(BitConverter.GetBytes(data.Count));
        }

        return new Utf8StringDataFrameColumn(name, data.ToArray(), offsets.ToArray(), validity, values.Length, values.Count(v => v is null));
    }

    private static Dictionary<string, long> Rows(DataFrame counts) =>
        Enumerable.Range(0, (int)counts.Rows.Count).ToDictionary(i => (string)counts.Columns[0][i], i => Convert.ToInt64(counts.Columns[1][i]));

    private static List<string> Pairs(DataFrame joined) =>
        Enumerable.Range(0, (int)joined.Rows.Count).Select(i => $"{joined.Columns["first"][i]}|{joined.Columns["country"][i]}").Order().ToList();
}
