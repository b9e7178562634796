namespace DevEndpoint.MachineLearning.Internals;

internal sealed partial class Matcher
{
    /// <summary>How many unlabelled records a later labelling round looks at for pairs the model is unsure about.</summary>
    private const int ActiveSample = 2000;

    /// <summary>
    /// Rows for the user to label: up to <paramref name="sets"/> sets of up to <paramref name="size"/> records, none labelled
    /// before and none in two sets; a small table gets fewer, smaller sets (a round offers at most a quarter of its records).
    /// Without a model, each set is a record drawn at random (by the seed) with its nearest records (likely matches and
    /// look-alikes that are not); with one, each set starts from the candidate pair the model is least sure about and adds
    /// the nearest records of its two ends. In a record-linkage table, where only pairs across sources count, a set is
    /// instead filled with pairs across sources (see <see cref="LinkageSet"/>), and a set that does not mix sources is not
    /// offered.
    /// </summary>
    public List<int[]> LabelingSets(PairClassifier? model, IReadOnlySet<int> labelled, int sets, int size)
    {
        var sources = Records.Sources;
        var used = new HashSet<int>(labelled);
        var result = new List<int[]>();
        var budget = Math.Clamp(Records.Count / 4, 4, sets * size);
        size = Math.Min(size, Math.Max(3, budget / 2));
        foreach (var start in model is null ? RandomStarts() : UncertainStarts(model, labelled))
        {
            if (result.Count == sets || budget < 2)
            {
                break;
            }

            if (start.Any(used.Contains))
            {
                continue;
            }

            var most = Math.Min(size, budget);
            var set = sources is null ? DedupSet(start, used, size, most) : LinkageSet(start, used, size, most);
            if (set.Count < 2 || (sources is not null && set.Select(r => sources[r]).Distinct().Count() < 2))
            {
                continue;
            }

            used.UnionWith(set);
            budget -= set.Count;
            result.Add(set.ToArray());
        }

        return result;
    }

    /// <summary>The start rows and the nearest records of each, taken in turn.</summary>
    private List<int> DedupSet(int[] start, HashSet<int> used, int size, int most)
    {
        var set = new List<int>(start);
        var neighbours = start.Select(r => Blocker.NearestOf(r, size * 2).Select(n => n.Row).ToArray()).ToList();
        for (var rank = 0; rank < size * 2 && set.Count < most; rank++)
        {
            foreach (var list in neighbours)
            {
                if (rank < list.Length && set.Count < most && !used.Contains(list[rank]) && !set.Contains(list[rank]))
                {
                    set.Add(list[rank]);
                }
            }
        }

        return set;
    }

    /// <summary>
    /// Pairs across sources of records alike: each anchor (the start rows, then the nearest records of the first, which
    /// are of other sources) followed by its nearest unused record of another source, so that the set holds a few likely
    /// matches and the look-alikes across sources that are not.
    /// </summary>
    private List<int> LinkageSet(int[] start, HashSet<int> used, int size, int most)
    {
        var set = new List<int>();
        foreach (var anchor in start.Concat(Blocker.NearestOf(start[0], size * 2).Select(n => n.Row)))
        {
            if (set.Count >= most)
            {
                break;
            }

            if (used.Contains(anchor) || set.Contains(anchor))
            {
                continue;
            }

            set.Add(anchor);
            var partner = Blocker.NearestOf(anchor, size * 2).Select(n => n.Row).FirstOrDefault(r => !used.Contains(r) && !set.Contains(r), -1);
            if (partner >= 0 && set.Count < most)
            {
                set.Add(partner);
            }
        }

        return set;
    }

    private IEnumerable<int[]> RandomStarts()
    {
        var order = Enumerable.Range(0, Records.Count).ToArray();
        new Random(Seed).Shuffle(order);
        return order.Select(r => new[] { r });
    }

    /// <summary>
    /// The candidate pairs the model is least sure about, among the nearest records of up to <see cref="ActiveSample"/>
    /// unlabelled records drawn by the seed (so that a round costs the same on a big table as on a small one).
    /// </summary>
    private IEnumerable<int[]> UncertainStarts(PairClassifier model, IReadOnlySet<int> labelled)
    {
        var unlabelled = Enumerable.Range(0, Records.Count).Where(r => !labelled.Contains(r)).ToArray();
        new Random(Seed).Shuffle(unlabelled);
        var pairs = new HashSet<long>();
        foreach (var row in unlabelled.Take(ActiveSample))
        {
            foreach (var near in Blocker.NearestOf(row, Blocker.Neighbours))
            {
                if (!labelled.Contains(near.Row))
                {
                    pairs.Add(Blocker.Pair(row, near.Row));
                }
            }
        }

        var sorted = pairs.Order().ToArray();
        var probabilities = model.Probabilities(Features.Of(sorted));
        return Enumerable.Range(0, sorted.Length)
            .OrderBy(i => Math.Abs(probabilities[i] - Threshold))
            .ThenBy(i => sorted[i])
            .Select(i =>
            {
                var (a, b) = Blocker.Rows(sorted[i]);
                return new[] { a, b };
            });
    }
}
