namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// Blocking: each record's nearest records by TF-IDF cosine over its tokens and character 3-grams, found through an
/// inverted index that leaves out keys more than <see cref="FrequencyCap"/> records share (a common word or 3-gram would
/// make every record a candidate of every other). Each record keeps its closest records; the pairs the budget leaves room
/// for beyond those go to the closest pairs overall, so a record typed many times keeps all its copies. Only the candidate
/// pairs are compared by the model.
/// </summary>
internal sealed class Blocker
{
    private readonly MatchRecords records;
    private readonly int[][] postings;

    public Blocker(MatchRecords records, double accuracyCostTradeoff)
    {
        this.records = records;
        var n = records.Count;

        // Neighbours per record: about 0.4% of the records (at most 12, at least 3), scaled by the accuracy/cost trade-off,
        // so that the pairs compared stay under 1% of all pairs while a record keeps room for its duplicates.
        Neighbours = (int)Math.Round(Math.Clamp(0.004 * n, 3, 12) * (0.5 + accuracyCostTradeoff));
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
    public Neighbour[][] Nearest(int count)
    {
        var n = records.Count;
        var result = new Neighbour[n][];
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
    public Neighbour[] NearestOf(int row, int count) => NearestOf(row, count, new float[records.Count], []);

    private Neighbour[] NearestOf(int row, int count, float[] scores, List<int> touched)
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

    /// <summary>
    /// The pairs the model compares (lower row first, sorted): every record with its <see cref="Neighbours"/>/2 nearest
    /// records, then the closest of the pairs with up to 2 x <see cref="Neighbours"/> nearest, up to a budget of
    /// <see cref="Neighbours"/> pairs a record and at most 0.9% of all pairs (but never under half that many a record).
    /// </summary>
    public long[] CandidatePairs()
    {
        var n = records.Count;
        var nearest = Nearest(2 * Neighbours);
        var kept = new HashSet<long>();
        var pool = new Dictionary<long, float>();
        var sure = Math.Max(1, Neighbours / 2);
        for (var row = 0; row < n; row++)
        {
            for (var rank = 0; rank < nearest[row].Length; rank++)
            {
                var (other, score) = nearest[row][rank];
                var pair = Pair(row, other);
                if (rank < sure)
                {
                    kept.Add(pair);
                }
                else
                {
                    pool[pair] = Math.Max(score, pool.GetValueOrDefault(pair));
                }
            }
        }

        var budget = (long)Math.Min((double)n * Neighbours, Math.Max(0.009 * n * (n - 1) / 2, n * Neighbours / 2.0));
        foreach (var (pair, _) in pool.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
        {
            if (kept.Count >= budget)
            {
                break;
            }

            kept.Add(pair);
        }

        var sorted = kept.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Every record with each of its nearest records, as pairs (lower row first, sorted).</summary>
    public static long[] Pairs(Neighbour[][] nearest)
    {
        var pairs = new HashSet<long>();
        for (var row = 0; row < nearest.Length; row++)
        {
            foreach (var other in nearest[row])
            {
                pairs.Add(Pair(row, other.Row));
            }
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    public static long Pair(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int A, int B) Rows(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));

    /// <summary>The <paramref name="count"/> best scored records, best first (ties by row), kept in a small sorted buffer.</summary>
    private Neighbour[] Top(float[] scores, List<int> touched, int count)
    {
        var best = new Neighbour[count];
        var size = 0;
        foreach (var other in touched)
        {
            // Scores are divided by the other record's norm (its weights are idf / norm), which the accumulation left out.
            var candidate = new Neighbour(other, scores[other] * records.InverseNorms[other]);
            if (size == count && !Better(candidate, best[size - 1]))
            {
                continue;
            }

            var at = size < count ? size++ : size - 1;
            while (at > 0 && Better(candidate, best[at - 1]))
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = candidate;
        }

        return size == count ? best : best[..size];

        static bool Better(Neighbour a, Neighbour b) => a.Score > b.Score || (a.Score == b.Score && a.Row < b.Row);
    }
}

/// <summary>A near record and its TF-IDF cosine.</summary>
internal readonly record struct Neighbour(int Row, float Score);
