using DevEndpoint.Catalog;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// FindMatches over prepared records: training pairs from labels, the classifier, blocking, the decision threshold the
/// precision/recall trade-off sets, and clustering of matched pairs into entities.
/// </summary>
internal sealed partial class Matcher
{
    private Blocker? blocker;
    private long[]? candidates;

    public Matcher(MatchRecords records, FindMatchesParameters parameters, int seed)
    {
        Records = records;
        Parameters = parameters;
        Seed = seed;
        Features = new PairFeatures(records);
    }

    public MatchRecords Records { get; }

    public FindMatchesParameters Parameters { get; }

    public int Seed { get; }

    public PairFeatures Features { get; }

    public Blocker Blocker => blocker ??= new Blocker(Records, Parameters.AccuracyCostTradeoff, Parameters.SemanticBlocking);

    /// <summary>The pairs blocking keeps, lower row first, sorted.</summary>
    public long[] CandidatePairs => candidates ??= Blocker.CandidatePairs();

    /// <summary>
    /// The match probability above which a pair is a match: 0.5 at a precision/recall trade-off of 0.5, higher towards 1
    /// (fewer, surer matches: precision), lower towards 0 (more matches: recall), from 0.05 to 0.95.
    /// </summary>
    public double Threshold => 0.05 + (0.9 * Parameters.PrecisionRecallTradeoff);

    /// <summary>
    /// Every pair of records within one labelling set (in a record-linkage table, of two sources, as find-matches compares
    /// no others): a match when they have the same label.
    /// </summary>
    public (long[] Pairs, bool[] Matches) LabelledPairs(IEnumerable<LabelledRecord> labels)
    {
        var pairs = new List<long>();
        var matches = new List<bool>();
        foreach (var set in labels.GroupBy(l => l.SetId, StringComparer.Ordinal))
        {
            var members = set.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (members[i].Row != members[j].Row && !Records.SameSource(members[i].Row, members[j].Row))
                    {
                        pairs.Add(Blocker.Pair(members[i].Row, members[j].Row));
                        matches.Add(string.Equals(members[i].Label, members[j].Label, StringComparison.Ordinal));
                    }
                }
            }
        }

        return (pairs.ToArray(), matches.ToArray());
    }

    /// <summary>Whether the labels hold both a matching and a non-matching pair, which training needs.</summary>
    public bool CanTrain(IReadOnlyList<LabelledRecord> labels)
    {
        var (_, matches) = LabelledPairs(labels);
        return matches.Contains(true) && matches.Contains(false);
    }

    /// <summary>The classifier trained on the labels; of the kind <paramref name="trees"/> says, else of the kind these labels call for.</summary>
    public PairClassifier Train(IReadOnlyList<LabelledRecord> labels, bool? trees = null)
    {
        var (pairs, matches) = LabelledPairs(labels);
        return PairClassifier.Train(Features.Of(pairs), matches, Seed, trees ?? PairClassifier.TreesFor(matches));
    }

    /// <summary>
    /// The entity of each record (the lowest row of its entity): candidate pairs the model scores at or above the
    /// threshold are merged, surest first; two groups merge only when all the pairs between them average at least the
    /// threshold (average linkage), so that one wrong pair does not chain two entities into one. With enforced labels,
    /// labelled pairs score 1 or 0 and records labelled apart never end up in one entity. In a record-linkage table an
    /// entity holds at most one record of each source: two groups with records of one source are never merged.
    /// </summary>
    public int[] Entities(PairClassifier model, IReadOnlyList<LabelledRecord> labels) => Cluster(model, labels).Entities;

    /// <summary>
    /// The entities of <see cref="Entities"/> with the probability of every pair scored on the way: the candidate pairs,
    /// the labelled pairs when labels are enforced (1 or 0), and every pair inside a merged group (a merge scores all
    /// pairs between the two groups), so every pair of one entity is there.
    /// </summary>
    private (int[] Entities, Dictionary<long, float> Scored) Cluster(PairClassifier model, IReadOnlyList<LabelledRecord> labels)
    {
        var pairs = CandidatePairs;
        var probabilities = model.Probabilities(Features.Of(pairs));
        var scored = new Dictionary<long, float>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            scored[pairs[i]] = probabilities[i];
        }

        var apart = new HashSet<long>();
        if (Parameters.EnforceProvidedLabels)
        {
            var (labelled, matches) = LabelledPairs(labels);
            for (var i = 0; i < labelled.Length; i++)
            {
                scored[labelled[i]] = matches[i] ? 1 : 0;
                if (!matches[i])
                {
                    apart.Add(labelled[i]);
                }
            }
        }

        var edges = scored.Where(p => p.Value >= Threshold).OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToList();
        var parent = Enumerable.Range(0, Records.Count).ToArray();
        var members = new Dictionary<int, List<int>>();
        List<int> Members(int root) => members.TryGetValue(root, out var list) ? list : [root];
        int Find(int row)
        {
            while (parent[row] != row)
            {
                parent[row] = parent[parent[row]];
                row = parent[row];
            }

            return row;
        }

        foreach (var (pair, _) in edges)
        {
            var (a, b) = Blocker.Rows(pair);
            int ra = Find(a), rb = Find(b);
            if (ra == rb)
            {
                continue;
            }

            var left = Members(ra);
            var right = Members(rb);
            if (ShareASource(left, right)
                || (left.Count + right.Count > 2 && !Cohesive(left, right, scored, model))
                || (apart.Count > 0 && left.Any(a => right.Any(b => apart.Contains(Blocker.Pair(a, b))))))
            {
                continue;
            }

            var root = Math.Min(ra, rb);
            parent[Math.Max(ra, rb)] = root;
            members[root] = [.. left, .. right];
            members.Remove(Math.Max(ra, rb));
        }

        return (Enumerable.Range(0, Records.Count).Select(r => Members(Find(r)).Min()).ToArray(), scored);
    }

    /// <summary>Whether two groups of a record-linkage table hold records of one source (never in a table of one source).</summary>
    private bool ShareASource(List<int> left, List<int> right) =>
        Records.Sources is not null && left.Any(a => right.Any(b => Records.SameSource(a, b)));

    /// <summary>Whether every pair between two groups averages at least the threshold (pairs blocking left out are scored now).</summary>
    private bool Cohesive(List<int> left, List<int> right, Dictionary<long, float> scored, PairClassifier model)
    {
        var missing = left.SelectMany(a => right.Select(b => Blocker.Pair(a, b))).Where(p => !scored.ContainsKey(p)).ToArray();
        var probabilities = model.Probabilities(Features.Of(missing));
        for (var i = 0; i < missing.Length; i++)
        {
            scored[missing[i]] = probabilities[i];
        }

        var sum = left.Sum(a => right.Sum(b => (double)scored[Blocker.Pair(a, b)]));
        return sum / (left.Count * right.Count) >= Threshold;
    }
}
