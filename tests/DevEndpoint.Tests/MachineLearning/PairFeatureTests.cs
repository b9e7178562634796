using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class PairFeatureTests
{
    // Features of a text column: Jaro-Winkler, token Jaccard, 3-gram Jaccard, equality, missing, word containment, numbers.
    private const int Containment = 5;
    private const int Numbers = 6;

    [Fact]
    public void A_shortened_name_is_contained_in_the_full_one()
    {
        var features = new PairFeatures(Records(["arnie mortons of chicago", "arnie mortons", "chez panisse"]));

        Assert.Equal(1, features.Of(0, 1)[Containment]);
        Assert.Equal(0, features.Of(0, 2)[Containment]);
        Assert.Equal(7, features.ColumnOfFeature.Count(c => c == 0));
    }

    [Fact]
    public void Numbers_inside_text_agree_differ_or_are_unknown()
    {
        var features = new PairFeatures(Records(["2101 sutter st", "2101 sutter street", "2110 sutter st", "sutter st"]));

        Assert.Equal(1, features.Of(0, 1)[Numbers]);
        Assert.Equal(0, features.Of(0, 2)[Numbers]);
        Assert.Equal(0.5f, features.Of(0, 3)[Numbers]);
    }

    private static MatchRecords Records(string[] names) => MatchRecords.From(
        new DataFrame(
            new StringDataFrameColumn("id", names.Select((_, i) => $"r{i}")),
            new StringDataFrameColumn("name", names)),
        "id");
}
