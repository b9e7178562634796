namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// How often a pair the model scores at a given probability is really a match, measured on cross-validated scores of
/// labelled pairs: an isotonic fit (pool adjacent violators), a step function that never falls as the score rises. Each
/// step (score band) is the share of matches among the labelled pairs whose score falls in it; the bands come from the
/// data, not from tuning.
/// </summary>
internal sealed class ScoreCalibration
{
    private readonly float[] highest;
    private readonly double[] rates;

    private ScoreCalibration(float[] highest, double[] rates)
    {
        this.highest = highest;
        this.rates = rates;
    }

    public static ScoreCalibration Fit(IEnumerable<(float Probability, bool Match)> scores)
    {
        var blocks = new List<(float Highest, double Matches, double Count)>();
        foreach (var tie in scores.GroupBy(s => s.Probability).OrderBy(g => g.Key))
        {
            var block = (Highest: tie.Key, Matches: (double)tie.Count(s => s.Match), Count: (double)tie.Count());
            while (blocks.Count > 0 && blocks[^1].Matches / blocks[^1].Count >= block.Matches / block.Count)
            {
                var previous = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                block = (block.Highest, previous.Matches + block.Matches, previous.Count + block.Count);
            }

            blocks.Add(block);
        }

        return new ScoreCalibration(blocks.Select(b => b.Highest).ToArray(), blocks.Select(b => b.Matches / b.Count).ToArray());
    }

    /// <summary>
    /// The share of matches at <paramref name="probability"/>: that of the lowest band reaching it (of the highest band
    /// above every labelled score); the probability itself when no labelled pair was scored.
    /// </summary>
    public double MatchRate(float probability)
    {
        if (rates.Length == 0)
        {
            return probability;
        }

        var at = Array.BinarySearch(highest, probability);
        var band = at >= 0 ? at : Math.Min(~at, rates.Length - 1);
        return rates[band];
    }
}
