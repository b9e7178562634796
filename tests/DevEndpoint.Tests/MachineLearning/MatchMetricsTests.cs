using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning.Internals;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class MatchMetricsTests
{
    [Fact]
    public void Metrics_of_a_hand_made_case_sum_the_match_chances_of_output_and_other_pairs()
    {
        // Output pairs: a labelled match (1), a pair of calibrated rate 0.75, a labelled non-match (0): 1.75 expected
        // true positives, so 2, and 3 - 2 = 1 false positive. Other pairs: chances 0.5 + 0.25 + 0 and 1 more expected
        // miss: 1.75 expected false negatives, so 2, and 3 - 2 = 1 true negative. Precision 2/3, recall 2/4, F1 4/7.
        (bool, double)[] pairs = [(true, 1), (true, 0.75), (true, 0), (false, 0.5), (false, 0.25), (false, 0)];

        var metrics = Matcher.Metrics(pairs, 1, 0.8125, []);

        Assert.Equal(new ConfusionMatrix(2, 1, 1, 2), metrics.ConfusionMatrix);
        Assert.Equal(Math.Round(2.0 / 3, 6), metrics.Precision);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(Math.Round(4.0 / 7, 6), metrics.F1);
        Assert.Equal(0.8125, metrics.AreaUnderPRCurve);
    }

    [Fact]
    public void Metrics_without_output_pairs_have_zero_precision_and_recall()
    {
        var metrics = Matcher.Metrics([(false, 1.0), (false, 0.2)], 0, 0, []);

        Assert.Equal(new ConfusionMatrix(0, 0, 1, 1), metrics.ConfusionMatrix);
        Assert.Equal((0.0, 0.0, 0.0), (metrics.Precision, metrics.Recall, metrics.F1));
    }

    [Fact]
    public void The_area_under_the_precision_recall_curve_averages_the_precision_at_each_match()
    {
        // Surest first: match, non-match, match, match, non-match, match.
        (float, bool)[] scores = [(0.9f, true), (0.8f, false), (0.7f, true), (0.6f, true), (0.4f, false), (0.2f, true)];

        var area = Matcher.AreaUnderPrecisionRecall(scores);

        Assert.Equal(((1.0 / 1) + (2.0 / 3) + (3.0 / 4) + (4.0 / 6)) / 4, area, 12);
    }

    [Fact]
    public void Calibration_pools_score_bands_whose_match_share_would_fall_as_the_score_rises()
    {
        // 0.1 no match; 0.2 match then 0.3 no match fall, so they pool to 1 of 2; 0.8 and 0.9 both match, one band.
        (float, bool)[] scores = [(0.3f, false), (0.9f, true), (0.1f, false), (0.8f, true), (0.2f, true)];

        var calibration = ScoreCalibration.Fit(scores);

        Assert.Equal(
            [0, 0, 0.5, 0.5, 0.5, 1, 1, 1],
            new[] { 0.05f, 0.1f, 0.15f, 0.2f, 0.3f, 0.5f, 0.9f, 0.95f }.Select(calibration.MatchRate));
    }

    [Fact]
    public void Calibration_without_scored_pairs_takes_the_probability_as_it_is()
    {
        var calibration = ScoreCalibration.Fit([]);

        Assert.Equal(0.25, calibration.MatchRate(0.25f));
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
