using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class FindMatchesTests
{
    [Fact]
    public async Task Find_matches_gives_each_typed_again_person_one_match_id_and_keeps_the_others_apart()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 4);

        var matches = await transform.FindMatchesAsync();

        Assert.Equal(["id", "first_name", "last_name", "city", "birth_date", "phone", "match_id"], matches.Columns.Select(c => c.Name));
        Assert.Equal(28, matches.Rows.Count);
        var mixed = Rows(matches).GroupBy(r => r.MatchId).Where(g => g.Select(r => PeopleTable.EntityOf(r.Id)).Distinct().Count() > 1);
        Assert.Empty(mixed.Select(g => string.Join(' ', g.Select(r => r.Id))));
        var matchesOfEntity = Rows(matches).GroupBy(r => PeopleTable.EntityOf(r.Id)).Select(g => g.Select(r => r.MatchId).Distinct().Count());
        Assert.All(matchesOfEntity, count => Assert.Equal(1, count));
        Assert.Equal("READY", people.Catalog.GetMLTransform("people").Status);
    }

    [Fact]
    public async Task One_record_per_entity_keeps_the_lowest_primary_key()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 4);

        var all = Rows(await transform.FindMatchesAsync());
        var kept = Rows(await transform.FindMatchesAsync(onePerEntity: true));

        var expected = all.GroupBy(r => r.MatchId).Select(g => g.Select(r => r.Id).Order(StringComparer.Ordinal).First()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, kept.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(16, kept.Count);
        Assert.Contains("1-a", kept.Select(r => r.Id));
    }

    [Fact]
    public async Task The_same_labels_give_the_same_matches_and_metrics_every_time()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 4);

        var first = await transform.EvaluateAsync();
        var firstMatches = Rows(await transform.FindMatchesAsync());
        var second = await transform.EvaluateAsync();
        var secondMatches = Rows(await transform.FindMatchesAsync());

        Assert.Equal(CatalogJson.Serialize(first), CatalogJson.Serialize(second));
        Assert.Equal(firstMatches, secondMatches);
    }

    [Fact]
    public async Task Evaluate_estimates_quality_from_the_labels_and_keeps_it_on_the_transform()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 4);

        var metrics = await transform.EvaluateAsync();

        var matrix = metrics.ConfusionMatrix;
        var labelled = people.Catalog.GetMLTransformLabels(transform.Definition.TransformId);
        var pairs = labelled.GroupBy(l => l.LabelingSetId).Sum(s => s.Count() * (s.Count() - 1) / 2);
        Assert.InRange(matrix.NumTruePositives + matrix.NumFalsePositives + matrix.NumTrueNegatives + matrix.NumFalseNegatives, pairs, 28 * 27 / 2);
        var outputPairs = Rows(await transform.FindMatchesAsync()).GroupBy(r => r.MatchId).Sum(g => g.Count() * (g.Count() - 1) / 2);
        Assert.Equal(outputPairs, matrix.NumTruePositives + matrix.NumFalsePositives);
        var precision = (double)matrix.NumTruePositives / (matrix.NumTruePositives + matrix.NumFalsePositives);
        var recall = (double)matrix.NumTruePositives / (matrix.NumTruePositives + matrix.NumFalseNegatives);
        Assert.Equal(Math.Round(precision, 6), metrics.Precision);
        Assert.Equal(Math.Round(recall, 6), metrics.Recall);
        Assert.Equal(Math.Round(2 * precision * recall / (precision + recall), 6), metrics.F1);
        Assert.InRange(metrics.F1, 0.8, 1);
        Assert.InRange(metrics.AreaUnderPRCurve, 0.8, 1);
        Assert.Equal(["first_name", "last_name", "city", "birth_date", "phone"], metrics.ColumnImportances.Select(c => c.ColumnName));
        Assert.Equal(1, metrics.ColumnImportances.Max(c => c.Importance));
        var stored = people.Catalog.GetMLTransform("people");
        Assert.Equal(new EvaluationMetrics("FIND_MATCHES", metrics).ToString(), stored.EvaluationMetrics?.ToString());
        Assert.Equal(CatalogJson.Serialize(metrics), CatalogJson.Serialize(stored.EvaluationMetrics!.FindMatchesMetrics));
    }

    [Fact]
    public async Task Evaluate_again_without_new_labels_returns_the_kept_metrics_without_training_again()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 3);
        var first = await transform.EvaluateAsync();
        var trained = people.Catalog.GetMLTransformModel(transform.Definition.TransformId)!;

        var again = await FindMatchesTransform.Open(people.Catalog, "people").EvaluateAsync();

        var kept = people.Catalog.GetMLTransformModel(transform.Definition.TransformId)!;
        Assert.Equal(trained.TrainedOn, kept.TrainedOn);
        Assert.Equal(trained.Model, kept.Model);
        Assert.Equal(CatalogJson.Serialize(first), CatalogJson.Serialize(again));
        Assert.Equal(CatalogJson.Serialize(first), CatalogJson.Serialize(kept.Metrics));
    }

    [Fact]
    public async Task Evaluate_trains_again_once_labels_change_and_when_the_kept_model_was_never_evaluated()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 2);
        await transform.FindMatchesAsync();
        var unevaluated = people.Catalog.GetMLTransformModel(transform.Definition.TransformId)!;
        Assert.Null(unevaluated.Metrics);

        await transform.EvaluateAsync();
        var evaluated = people.Catalog.GetMLTransformModel(transform.Definition.TransformId)!;
        await PeopleCatalog.LabelRoundsAsync(transform, 1);
        var metrics = await transform.EvaluateAsync();

        var retrained = people.Catalog.GetMLTransformModel(transform.Definition.TransformId)!;
        Assert.True(evaluated.TrainedOn > unevaluated.TrainedOn);
        Assert.True(retrained.TrainedOn > evaluated.TrainedOn);
        Assert.Equal(CatalogJson.Serialize(metrics), CatalogJson.Serialize(retrained.Metrics));
        Assert.Equal(CatalogJson.Serialize(metrics), CatalogJson.Serialize(people.Catalog.GetMLTransform("people").EvaluationMetrics!.FindMatchesMetrics));
    }

    [Fact]
    public async Task Evaluate_without_labels_of_both_kinds_says_how_to_get_them()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.EvaluateAsync());

        Assert.Equal(
            "ML transform 'people' needs labels with both matching and non-matching records (it has 0 labels). Generate a labelling set with ml labeling-set people, fill in its label column and import it with ml import-labels people.",
            error.Message);
    }

    [Fact]
    public async Task Evaluate_with_one_labelling_set_asks_for_another()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var set = PeopleCatalog.Label(await transform.GenerateLabelingSetAsync());
        for (long row = 0; row < set.Rows.Count; row++)
        {
            set.Columns["labeling_set_id"][row] = "only";
        }

        await transform.ImportLabelsAsync(set);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.EvaluateAsync());
        Assert.Equal(
            "ML transform 'people' needs labels from at least two labelling sets to be evaluated by cross-validation (it has 1). Generate another labelling set with ml labeling-set people, label it and import it.",
            error.Message);
    }

    [Fact]
    public async Task Enforced_labels_keep_labelled_records_apart_even_when_they_look_the_same()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync(options: new FindMatchesOptions { EnforceProvidedLabels = true });
        await PeopleCatalog.LabelRoundsAsync(transform, 4);
        var wrong = new DataFrame(
            new StringDataFrameColumn("labeling_set_id", ["mine", "mine"]),
            new StringDataFrameColumn("label", ["x", "y"]),
            new StringDataFrameColumn("id", ["1-a", "1-b"]),
            new StringDataFrameColumn("first_name", 2),
            new StringDataFrameColumn("last_name", 2),
            new StringDataFrameColumn("city", 2),
            new StringDataFrameColumn("birth_date", 2),
            new StringDataFrameColumn("phone", 2));
        await transform.ImportLabelsAsync(wrong);

        var matches = Rows(await transform.FindMatchesAsync());

        Assert.NotEqual(matches.Single(r => r.Id == "1-a").MatchId, matches.Single(r => r.Id == "1-b").MatchId);
    }

    private static List<(string Id, long MatchId)> Rows(DataFrame matches) =>
        Enumerable.Range(0, (int)matches.Rows.Count).Select(r => ((string)matches.Columns["id"][r], (long)matches.Columns["match_id"][r]!)).ToList();
}
