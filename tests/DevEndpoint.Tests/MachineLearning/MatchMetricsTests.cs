using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning.Internals;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class MatchMetricsTests
{
    [Fact]
    public void Metrics_of_a_hand_made_case_count_the_confusion_matrix_at_the_threshold()
    {
        // Surest first: match, non-match, match, match, non-match, match; threshold 0.5 predicts the first four.
        (float, bool)[] scores = [(0.9f, true), (0.8f, false), (0.7f, true), (0.6f, true), (0.4f, false), (0.2f, true)];

        var metrics = Matcher.Metrics(scores, 0.5, []);

        Assert.Equal(new ConfusionMatrix(3, 1, 1, 1), metrics.ConfusionMatrix);
        Assert.Equal(0.75, metrics.Precision);
        Assert.Equal(0.75, metrics.Recall);
        Assert.Equal(0.75, metrics.F1);

        // Average precision: (1/1 + 2/3 + 3/4 + 4/6) / 4.
        Assert.Equal(Math.Round(((1.0 / 1) + (2.0 / 3) + (3.0 / 4) + (4.0 / 6)) / 4, 6), metrics.AreaUnderPRCurve);
    }

    [Fact]
    public void Metrics_without_predicted_matches_have_zero_precision_and_recall()
    {
        var metrics = Matcher.Metrics([(0.1f, true), (0.2f, false)], 0.5, []);

        Assert.Equal(new ConfusionMatrix(0, 0, 1, 1), metrics.ConfusionMatrix);
        Assert.Equal((0.0, 0.0, 0.0), (metrics.Precision, metrics.Recall, metrics.F1));
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.5, 0.5)]
    [InlineData(1.0, 0.95)]
    public void The_precision_recall_trade_off_moves_the_decision_threshold(double tradeoff, double threshold)
    {
        var records = MatchRecords.From(new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn("id", ["a", "b"])), "id");

        var matcher = new Matcher(records, new FindMatchesParameters("id", tradeoff), 1);

        Assert.Equal(threshold, matcher.Threshold, 6);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961111)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.813333)]
    [InlineData("abc", "xyz", 0)]
    [InlineData("same", "same", 1)]
    public void Jaro_winkler_gives_the_textbook_values(string a, string b, double expected)
    {
        Assert.Equal(expected, Similarity.JaroWinkler(a, b), 5);
    }

    [Fact]
    public void Jaccard_counts_shared_ids_over_all_ids()
    {
        Assert.Equal(2.0 / 4, Similarity.Jaccard([1, 2, 3], [2, 3, 4]));
        Assert.Equal(0, Similarity.Jaccard([1], []));
        Assert.Equal(1, Similarity.Jaccard([], []));
    }

    [Fact]
    public async Task Blocking_keeps_every_duplicate_pair_of_the_people_table_as_a_candidate()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var frame = (await new DevEndpoint.Loading.TableLoader(people.Catalog).LoadAsync("crm.people")).Frame;
        var records = MatchRecords.From(frame, "id");
        var blocker = new Blocker(records, 0.5);

        var candidates = blocker.CandidatePairs().ToHashSet();

        var truePairs = Enumerable.Range(0, records.Count).SelectMany(a => Enumerable.Range(a + 1, records.Count - a - 1).Select(b => (a, b)))
            .Where(p => PeopleTable.EntityOf(records.Keys[p.a]) == PeopleTable.EntityOf(records.Keys[p.b]))
            .Select(p => Blocker.Pair(p.a, p.b))
            .ToList();
        Assert.Equal(16, truePairs.Count);
        Assert.All(truePairs, p => Assert.Contains(p, candidates));
        Assert.True(candidates.Count < records.Count * (records.Count - 1) / 2 / 3, $"{candidates.Count} candidate pairs");
    }
}
