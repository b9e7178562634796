using DevEndpoint.Catalog;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// Blocking in passes whose candidates share one budget. The first finds each record's nearest records by TF-IDF
/// cosine over its tokens and character 3-grams; the second by cosine over column keys (each column's whole value, parts
/// of dates, word sound codes, numbers inside text), which finds the copy of a sparse or badly typed record through the
/// one column it shares; on small tables a third by cosine over words with a letter left out (<see cref="MatchRecords.TypoKeys"/>).
/// All go through inverted indexes that leave out keys more than <see cref="FrequencyCap"/> records
/// share (a common word or 3-gram would make every record a candidate of every other). A semantic pass adds the
/// records closest in meaning when a sentence-embedding model is there (<see cref="SemanticBlocking"/>). Each record keeps
/// its closest records of every pass; the pairs the budget leaves room for beyond those go to the closest pairs overall, so
/// a record typed many times keeps all its copies. Only the candidate pairs are compared by the model. In a record-linkage
/// table (<see cref="MatchRecords.Sources"/>) a record's nearest records are those of the other sources: two records of one
/// source are never a candidate pair.
/// </summary>
internal sealed partial class Blocker
{
    /// <summary>
    /// Up to this many records, the 1% share of all pairs limits the candidates rather than the neighbours per record
    /// (1% of the pairs of 2,500 records is about 12 a record): blocking then also pairs the neighbours of neighbours and
    /// ranks what it found by a closer look (see <see cref="CandidatePairs"/>), and embeds the records when asked.
    /// </summary>
    public const int SmallTable = 2_500;

    private readonly MatchRecords records;
    private readonly SemanticBlocking semantic;
    private readonly Index wholeRecords;
    private readonly Index columns;
    private readonly Index? typos;

    public Blocker(MatchRecords records, double accuracyCostTradeoff, SemanticBlocking semantic = SemanticBlocking.Auto)
    {
        this.records = records;
        this.semantic = semantic;
        var n = records.Count;

        // Neighbours per record: about 0.6% of the records (at most 12, at least 3), scaled by the accuracy/cost trade-off,
        // so that the pairs compared stay under 1% of all pairs while a record keeps room for its duplicates.
        Neighbours = (int)Math.Round(Math.Clamp(0.006 * n, 3, 12) * (0.5 + accuracyCostTradeoff));
        Neighbours = Math.Max(1, Neighbours);
        FrequencyCap = (int)Math.Clamp(n / 50.0, 20, 200);
        wholeRecords = new Index(records.RecordKeys, FrequencyCap, records.Sources);
        columns = new Index(records.ColumnKeys, FrequencyCap, records.Sources);
        typos = records.TypoKeys.Ids.Length > 0 ? new Index(records.TypoKeys, FrequencyCap, records.Sources) : null;
    }

    /// <summary>How many nearest records each record keeps as candidates.</summary>
    public int Neighbours { get; }

    /// <summary>Keys held by more records than this are not indexed.</summary>
    public int FrequencyCap { get; }

    /// <summary>
    /// The nearest records of each record by whole-record cosine, best first (ties by row), at most <paramref name="count"/>
    /// (in a record-linkage table, of the other sources).
    /// </summary>
    public Neighbour[][] Nearest(int count) => Nearest(wholeRecords, count);

    /// <summary>
    /// The nearest records of one record by whole-record cosine, best first (ties by row), at most <paramref name="count"/>
    /// (in a record-linkage table, of the other sources).
    /// </summary>
    public Neighbour[] NearestOf(int row, int count) => wholeRecords.NearestOf(row, count, new float[records.Count], []);

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

    private Neighbour[][] Nearest(Index index, int count)
    {
        var n = records.Count;
        var result = new Neighbour[n][];
        Parallel.For(
            0,
            n,
            () => (Scores: new float[n], Touched: new List<int>()),
            (row, _, state) =>
            {
                result[row] = index.NearestOf(row, count, state.Scores, state.Touched);
                return state;
            },
            _ => { });
        return result;
    }

    /// <summary>
    /// An inverted index over one key space: the records of each key no more than the cap share. With the records'
    /// sources, a record's nearest records are only those of other sources.
    /// </summary>
    private sealed class Index
    {
        private readonly KeySpace space;
        private readonly int[][] postings;
        private readonly int[]? sources;

        public Index(KeySpace space, int frequencyCap, int[]? sources)
        {
            this.space = space;
            this.sources = sources;
            var lists = new List<int>?[space.Frequency.Length];
            for (var row = 0; row < space.Ids.Length; row++)
            {
                foreach (var id in space.Ids[row])
                {
                    if (space.Frequency[id] <= frequencyCap)
                    {
                        (lists[id] ??= []).Add(row);
                    }
                }
            }

            postings = lists.Select(l => l?.ToArray() ?? []).ToArray();
        }

        public Neighbour[] NearestOf(int row, int count, float[] scores, List<int> touched)
        {
            var ids = space.Ids[row];
            var weights = space.Weights[row];
            for (var k = 0; k < ids.Length; k++)
            {
                foreach (var other in postings[ids[k]])
                {
                    if (other == row || (sources is not null && sources[other] == sources[row]))
                    {
                        continue;
                    }

                    if (scores[other] == 0)
                    {
                        touched.Add(other);
                    }

                    scores[other] += weights[k] * space.Idf[ids[k]];
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

        /// <summary>The <paramref name="count"/> best scored records, best first (ties by row), kept in a small sorted buffer.</summary>
        private Neighbour[] Top(float[] scores, List<int> touched, int count)
        {
            var best = new Neighbour[count];
            var size = 0;
            foreach (var other in touched)
            {
                // Scores are divided by the other record's norm (its weights are idf / norm), which the accumulation left out.
                var candidate = new Neighbour(other, scores[other] * space.InverseNorms[other]);
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
}

/// <summary>A near record and its TF-IDF cosine.</summary>
internal readonly record struct Neighbour(int Row, float Score);
