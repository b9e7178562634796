using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class BlockingKeyTests
{
    [Theory]
    [InlineData("russell", "r24")]
    [InlineData("ruusesll", "r24")]
    [InlineData("smith", "s53")]
    [InlineData("smyth", "s53")]
    [InlineData("robert", "r163")]
    [InlineData("rupert", "r163")]
    [InlineData("washington", "w2523")]
    public void Sound_codes_keep_the_first_letter_and_the_consonant_classes(string word, string code)
    {
        Assert.Equal(code, Phonetic.Code(word));
    }

    [Fact]
    public void Column_keys_hold_whole_values_sound_codes_and_numbers_inside_text()
    {
        var records = MatchRecords.From(Frame(["1", "2"], ["Ann Russell", "Bo Smyth"], ["12 High St", "4 Low Rd"], ["1984-10-27", "1990-01-02"]), "id");

        var ann = records.ColumnKeys.Ids[0];
        var bo = records.ColumnKeys.Ids[1];

        // Per column the whole value, then a sound code per word of 3 letters or more and a key per number of 2 digits or more.
        Assert.Equal((1 + 2) + (1 + 2) + (1 + 3), ann.Length);
        Assert.Equal((1 + 1) + (1 + 1) + (1 + 3), bo.Length);
        Assert.Empty(ann.Intersect(bo));
        Assert.Equal(1, records.ColumnKeys.Weights[0].Sum(w => w * w), 4);
    }

    [Fact]
    public void Words_one_typo_apart_share_a_typo_key_and_dates_one_part_apart_share_a_column_key()
    {
        var records = MatchRecords.From(
            new DataFrame(
                new StringDataFrameColumn("id", ["1", "2", "3"]),
                new StringDataFrameColumn("name", ["jnes", "jones", "smith"]),
                new PrimitiveDataFrameColumn<DateTime>("born", [new DateTime(1981, 12, 17), new DateTime(1981, 12, 18), new DateTime(1970, 1, 1)])),
            "id");

        // "jones" less its "o" is "jnes"; the names share their sound code and the dates their year and month.
        Assert.Single(records.TypoKeys.Ids[0].Intersect(records.TypoKeys.Ids[1]));
        Assert.Equal(2, records.ColumnKeys.Ids[0].Intersect(records.ColumnKeys.Ids[1]).Count());
        Assert.Empty(records.TypoKeys.Ids[0].Intersect(records.TypoKeys.Ids[2]));
        Assert.Empty(records.ColumnKeys.Ids[0].Intersect(records.ColumnKeys.Ids[2]));
    }

    [Fact]
    public void Blocking_keeps_a_pair_that_shares_only_one_column_value_among_many_alike_records()
    {
        // 300 people in a few cities, born within three years, with names made of common syllables; the last two are one person typed twice: the
        // second copy's name is mistyped into other syllables and its city differs, so the whole-record cosine ranks
        // records with alike names above the first copy, but the date of birth is the same, which the column keys find.
        var random = new Random(7);
        string[] syllables = ["an", "bel", "cor", "dan", "el", "fin", "gar", "hol", "is", "jon"];
        string[] cities = ["london", "leeds", "hull", "york", "bath"];
        var ids = new List<string>();
        var names = new List<string>();
        var cityColumn = new List<string>();
        var births = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add($"r{i}");
            names.Add($"{syllables[random.Next(10)]}{syllables[random.Next(10)]} {syllables[random.Next(10)]}{syllables[random.Next(10)]}");
            cityColumn.Add(cities[random.Next(5)]);
            births.Add(new DateTime(1960, 1, 1).AddDays(random.Next(1_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        ids.AddRange(["a", "b"]);
        names.AddRange(["danel corfin", "anbel isjon"]);
        cityColumn.AddRange(["leeds", "london"]);
        births.AddRange(["1961-07-13", "1961-07-13"]);
        var records = MatchRecords.From(Frame([.. ids], [.. names], [.. cityColumn], [.. births]), "id");
        var blocker = new Blocker(records, 0.5);
        int a = records.RowOfKey["a"], b = records.RowOfKey["b"];

        Assert.DoesNotContain(blocker.NearestOf(b, blocker.Neighbours), n => n.Row == a);
        Assert.Contains(Blocker.Pair(a, b), blocker.CandidatePairs());
    }

    private static DataFrame Frame(string[] ids, string[] names, string[] addresses, string[] births) => new(
        new StringDataFrameColumn("id", ids),
        new StringDataFrameColumn("name", names),
        new StringDataFrameColumn("address", addresses),
        new StringDataFrameColumn("born", births));
}
