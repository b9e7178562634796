using DevEndpoint.Catalog;

namespace DevEndpoint.MachineLearning.Internals;

internal sealed partial class Matcher
{
    /// <summary>
    /// Glue's FindMatchesMetrics estimated from the labels alone: labelling sets are split into up to 5 folds; each fold's
    /// pairs are scored by a model trained on the other folds (of the kind every label calls for, so that the estimate is of
    /// that kind of model), and the scores are compared with the labels at the threshold.
    /// Column importances come from <paramref name="final"/>, trained on every label.
    /// </summary>
    public FindMatchesMetrics Evaluate(IReadOnlyList<LabelledRecord> labels, PairClassifier final)
    {
        var sets = labels.Select(l => l.SetId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var folds = Math.Min(10, sets.Count);
        var foldOfSet = sets.Select((s, i) => (s, i % folds)).ToDictionary(p => p.s, p => p.Item2, StringComparer.Ordinal);
        var scores = new List<(float Probability, bool Match)>();
        var trees = PairClassifier.TreesFor(LabelledPairs(labels).Matches);
        for (var fold = 0; fold < folds; fold++)
        {
            var training = labels.Where(l => foldOfSet[l.SetId] != fold).ToList();
            var heldOut = labels.Where(l => foldOfSet[l.SetId] == fold).ToList();
            var (pairs, matches) = LabelledPairs(heldOut);
            if (pairs.Length == 0 || !CanTrain(training))
            {
                continue;
            }

            var probabilities = Train(training, trees).Probabilities(Features.Of(pairs));
            scores.AddRange(probabilities.Select((p, i) => (p, matches[i])));
        }

        return Metrics(scores, Threshold, ColumnImportances(final));
    }

    /// <summary>Precision, recall, F1, the confusion matrix at <paramref name="threshold"/>, and the area under the precision-recall curve.</summary>
    public static FindMatchesMetrics Metrics(IReadOnlyList<(float Probability, bool Match)> scores, double threshold, IReadOnlyList<ColumnImportance> importances)
    {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (probability, match) in scores)
        {
            var predicted = probability >= threshold;
            if (predicted && match)
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (match)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new FindMatchesMetrics(
            Math.Round(AreaUnderPrecisionRecall(scores), 6),
            Math.Round(precision, 6),
            Math.Round(recall, 6),
            Math.Round(f1, 6),
            new ConfusionMatrix(tp, fp, tn, fn),
            importances);
    }

    /// <summary>Average precision: the precision at each true match, surest first, averaged over the true matches.</summary>
    public static double AreaUnderPrecisionRecall(IReadOnlyList<(float Probability, bool Match)> scores)
    {
        var positives = scores.Count(s => s.Match);
        if (positives == 0)
        {
            return 0;
        }

        double sum = 0;
        var seen = 0;
        var hits = 0;
        foreach (var (_, match) in scores.OrderByDescending(s => s.Probability).ThenBy(s => s.Match ? 1 : 0))
        {
            seen++;
            if (match)
            {
                hits++;
                sum += (double)hits / seen;
            }
        }

        return sum / positives;
    }

    /// <summary>
    /// How much each compared column weighs: the sum of its features' gains in the model's trees, scaled so that the
    /// heaviest column has 1.
    /// </summary>
    private List<ColumnImportance> ColumnImportances(PairClassifier model)
    {
        var weights = model.Weights ?? [];
        var byColumn = new double[Records.Columns.Length];
        for (var f = 0; f < weights.Length && f < Features.Count; f++)
        {
            var column = Features.ColumnOfFeature[f];
            if (column >= 0)
            {
                byColumn[column] += Math.Abs(weights[f]);
            }
        }

        var max = byColumn.DefaultIfEmpty(0).Max();
        return Records.Columns.Select((name, c) => new ColumnImportance(name, max > 0 ? Math.Round(byColumn[c] / max, 6) : 0)).ToList();
    }
}
