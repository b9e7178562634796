using DevEndpoint.Catalog;

namespace DevEndpoint.MachineLearning.Internals;

internal sealed partial class Matcher
{
    /// <summary>
    /// Glue's FindMatchesMetrics of what find-matches outputs with <paramref name="final"/> (trained on every label),
    /// estimated from the labels alone. Labelling sets are split into up to 10 folds; each fold's pairs are scored by a
    /// model trained on the other folds. Those scores give the area under the precision-recall curve, a calibration
    /// (<see cref="ScoreCalibration"/>: how often a pair scored so is a match) and the share of labelled matches the
    /// threshold misses. Then find-matches runs (the final model and the clustering) and its pairs are counted: a
    /// labelled pair by its label; an unlabelled output pair as a match with the calibrated rate of its score (precision);
    /// the unlabelled matches it misses, for each expected match it outputs, as many as cross-validation missed per match
    /// found (recall: the labelled matches stand for all matches, while the many unlabelled non-matches, far below any
    /// labelled pair's score, would be counted by a calibration that cannot reach their scores).
    /// Column importances come from <paramref name="final"/>.
    /// </summary>
    public FindMatchesMetrics Evaluate(IReadOnlyList<LabelledRecord> labels, PairClassifier final)
    {
        var scores = CrossValidatedScores(labels);
        var calibration = ScoreCalibration.Fit(scores);
        var found = scores.Count(s => s.Match && s.Probability >= Threshold);
        var missedPerFound = found == 0 ? 0 : (double)scores.Count(s => s.Match && s.Probability < Threshold) / found;
        var (entities, scored) = Cluster(final, labels);
        var (labelled, matches) = LabelledPairs(labels);
        var truth = new Dictionary<long, bool>(labelled.Length);
        for (var i = 0; i < labelled.Length; i++)
        {
            truth.TryAdd(labelled[i], matches[i]);
        }

        var unlabelledFound = 0.0;
        var decided = new List<(bool Output, double Chance)>(scored.Count + truth.Count);
        foreach (var pair in scored.Keys.Concat(truth.Keys.Where(p => !scored.ContainsKey(p))))
        {
            var (a, b) = Blocker.Rows(pair);
            var output = entities[a] == entities[b];
            var chance = truth.TryGetValue(pair, out var match) ? (match ? 1 : 0) : output ? calibration.MatchRate(scored[pair]) : 0;
            unlabelledFound += output && !truth.ContainsKey(pair) ? chance : 0;
            decided.Add((output, chance));
        }

        return Metrics(decided, unlabelledFound * missedPerFound, AreaUnderPrecisionRecall(scores), ColumnImportances(final));
    }

    /// <summary>Each labelled pair's match probability from a model trained on the labelling sets of the other folds, with its label.</summary>
    private List<(float Probability, bool Match)> CrossValidatedScores(IReadOnlyList<LabelledRecord> labels)
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

        return scores;
    }

    /// <summary>
    /// Precision, recall, F1 and the confusion matrix of pairs that are in the output or not, each a match with a chance:
    /// the chances of output pairs sum to the true positives (the other output pairs are false positives), those of the
    /// other pairs and <paramref name="missed"/> (matches expected among them beyond their chances) to the false negatives
    /// (the rest are true negatives), rounded to whole pairs; precision, recall and F1 come from those counts.
    /// </summary>
    public static FindMatchesMetrics Metrics(
        IEnumerable<(bool Output, double Chance)> pairs, double missed, double areaUnderPRCurve, IReadOnlyList<ColumnImportance> importances)
    {
        double truePositives = 0, falseNegatives = missed;
        long outputs = 0, others = 0;
        foreach (var (output, chance) in pairs)
        {
            if (output)
            {
                outputs++;
                truePositives += chance;
            }
            else
            {
                others++;
                falseNegatives += chance;
            }
        }

        var tp = (long)Math.Round(truePositives, MidpointRounding.AwayFromZero);
        var fn = (long)Math.Round(falseNegatives, MidpointRounding.AwayFromZero);
        var fp = outputs - tp;
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new FindMatchesMetrics(
            Math.Round(areaUnderPRCurve, 6),
            Math.Round(precision, 6),
            Math.Round(recall, 6),
            Math.Round(f1, 6),
            new ConfusionMatrix(tp, fp, Math.Max(0, others - fn), fn),
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
