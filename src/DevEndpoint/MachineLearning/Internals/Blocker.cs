namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// Blocking: each record's nearest records by TF-IDF cosine over its tokens and character 3-grams, found through an
/// inverted index that leaves out keys more than <see cref="FrequencyCap"/> records share (a common word or 3-gram would
/// make every record a candidate of every other). Only the candidate pairs are compared by the model.
/// </summary>
internal sealed class Blocker
{
    private readonly MatchRecords records;
    private readonly int[][] postings;

    public Blocker(MatchRecords records, double accuracyCostTradeoff)
    {
        this.records = records;
        var n = records.Count;

        // Neighbours per record: about 0.4% of the records (at most 25, at least 3), scaled by the accuracy/cost trade-off,
        // so that the pairs compared stay under 1% of all pairs while a record keeps room for its duplicates.
        Neighbours = (int)Math.Round(Math.Clamp(0.004 * n, 3, 25) * (0.5 + accuracyCostTradeoff));
        Neighbours = Math.Max(1, Neighbours);
        FrequencyCap = (int)Math.Clamp(n / 50.0, 20, 200);
        var lists = new List<int>?[records.KeyFrequency.Length];
        for (var row = 0; row < n; row++)
        {
            foreach (var id in records.KeyIds[row])
            {
                if (records.KeyFrequency[id] <= FrequencyCap)
                {
                    (lists[id] ??= []).Add(row);
                }
            }
        }

        postings = lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    /// <summary>How many nearest records each record keeps as candidates.</summary>
    public int Neighbours { get; }

    /// <summary>Keys held by more records than this are not indexed.</summary>
    public int FrequencyCap { get; }

    /// <summary>The nearest records of each record, best first (ties by row), at most <paramref name="count"/>.</summary>
    public int[][] Nearest(int count)
    {
        var n = records.Count;
        var result = new int[n][];
        Parallel.For(
            0,
            n,
            () => (Scores: new float[n], Touched: new List<int>()),
            (row, _, state) =>
            {
                result[row] = NearestOf(row, count, state.Scores, state.Touched);
                return state;
            },
            _ => { });
        return result;
    }

    /// <summary>The nearest records of one record, best first (ties by row), at most <paramref name="count"/>.</summary>
    public int[] NearestOf(int row, int count) => NearestOf(row, count, new float[records.Count], []);

    private int[] NearestOf(int row, int count, float[] scores, List<int> touched)
    {
        var ids = records.KeyIds[row];
        var weights = records.KeyWeights[row];
        for (var k = 0; k < ids.Length; k++)
        {
            foreach (var other in postings[ids[k]])
            {
                if (other == row)
                {
                    continue;
                }

                if (scores[other] == 0)
                {
                    touched.Add(other);
                }

                scores[other] += weights[k] * records.KeyIdf[ids[k]];
            }
        }

        var top = Top(scores, touched, count);
        foreach (var other in touched)
        {
            scores[other] = 0;
        }

        touched.Clear();
        return top;
    }

    /// <summary>The candidate pairs (lower row first, sorted): every record with each of its nearest records.</summary>
    public long[] CandidatePairs(int[][] nearest)
    {
        var pairs = new HashSet<long>();
        for (var row = 0; row < nearest.Length; row++)
        {
            foreach (var other in nearest[row])
            {
                pairs.Add(Pair(row, other));
            }
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    public static long Pair(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int A, int B) Rows(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));

    private int[] Top(float[] scores, List<int> touched, int count)
    {
        // Scores are divided by the other record's norm (its weights are idf / norm), which the accumulation left out.
        var scored = touched.Select(o => (Row: o, Score: scores[o] * records.InverseNorms[o])).ToList();
        scored.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Row.CompareTo(y.Row));
        return scored.Take(count).Select(s => s.Row).ToArray();
    }
}
