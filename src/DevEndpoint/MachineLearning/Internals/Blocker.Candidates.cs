using DevEndpoint.Catalog;

namespace DevEndpoint.MachineLearning.Internals;

internal sealed partial class Blocker
{
    /// <summary>On small tables, how many of its closest records each record lends its neighbours from.</summary>
    private const int SecondHop = 6;

    /// <summary>The largest share of all pairs the candidates take (the target is at most 1%).</summary>
    private const double PairShare = 0.0099;

    /// <summary>
    /// The pairs the model compares (lower row first, sorted): from every pass, each record with its
    /// <see cref="Neighbours"/>/2 nearest records first (nearest ranks first), then the closest of the pairs with up to
    /// 2 x <see cref="Neighbours"/> nearest, up to a budget of <see cref="Neighbours"/> pairs a record and at most 0.99% of
    /// all pairs (but never under half that many a record). The closest pairs are those with the highest sum of their
    /// cosines in the passes that found them; on tables of up to <see cref="SmallTable"/> records, where the budget is
    /// tightest, the records that share a close record become pairs too (a copy that shares little with the entity's
    /// other copies but much with one of them), and every pair found is ranked by its whole-record and column-key cosines
    /// plus the average Jaro-Winkler similarity of the columns both records fill (plus their semantic cosine). In a
    /// record-linkage table every pair joins records of two sources.
    /// </summary>
    public long[] CandidatePairs()
    {
        var n = records.Count;
        var sure = Math.Max(1, Neighbours / 2);
        var passes = new List<Neighbour[][]> { Nearest(wholeRecords, 2 * Neighbours), Nearest(columns, 2 * Neighbours) };
        if (typos is not null)
        {
            passes.Add(Nearest(typos, 2 * Neighbours));
        }

        var vectors = SemanticVectors();
        if (vectors is not null)
        {
            passes.Add(SemanticNeighbours.Nearest(vectors, 2 * Neighbours));
        }

        var best = new Dictionary<long, (int Rank, float Score)>();
        foreach (var nearest in passes)
        {
            for (var row = 0; row < n; row++)
            {
                for (var rank = 0; rank < nearest[row].Length; rank++)
                {
                    var (other, score) = nearest[row][rank];
                    if (records.SameSource(row, other))
                    {
                        continue;
                    }

                    var pair = Pair(row, other);
                    var level = Math.Min(rank, sure);
                    best[pair] = best.TryGetValue(pair, out var known)
                        ? (Math.Min(level, known.Rank), score + known.Score)
                        : (level, score);
                }
            }
        }

        if (n <= SmallTable)
        {
            AddSecondNeighbours(best, n, sure, records.Sources);
            Rescore(best, vectors);
        }

        var budget = (long)Math.Min((double)n * Neighbours, Math.Max(PairShare * n * (n - 1) / 2, n * Neighbours / 2.0));
        var sorted = best.OrderBy(p => p.Value.Rank).ThenByDescending(p => p.Value.Score).ThenBy(p => p.Key)
            .Take((int)Math.Min(budget, int.MaxValue)).Select(p => p.Key).ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The records' semantic vectors when this blocking embeds them, else null.</summary>
    private float[]?[]? SemanticVectors()
    {
        var embedder = semantic switch
        {
            SemanticBlocking.On => TextEmbedder.Require(),
            SemanticBlocking.Auto when records.Count <= SmallTable => TextEmbedder.Find(),
            _ => null,
        };
        return embedder is null ? null : SemanticNeighbours.Vectors(records, embedder);
    }

    /// <summary>
    /// Pairs each of <paramref name="count"/> records with the closest records of its <see cref="SecondHop"/> closest
    /// records, at <paramref name="level"/> (pairs already there keep theirs); with <paramref name="sources"/>, only
    /// records of different sources.
    /// </summary>
    internal static void AddSecondNeighbours(Dictionary<long, (int Rank, float Score)> best, int count, int level, int[]? sources = null)
    {
        var near = new List<(int Row, float Score)>[count];
        for (var row = 0; row < near.Length; row++)
        {
            near[row] = [];
        }

        foreach (var (pair, value) in best)
        {
            var (a, b) = Rows(pair);
            near[a].Add((b, value.Score));
            near[b].Add((a, value.Score));
        }

        var closest = near.Select(l => l.OrderByDescending(x => x.Score).ThenBy(x => x.Row).Take(SecondHop).Select(x => x.Row).ToArray()).ToArray();
        for (var a = 0; a < closest.Length; a++)
        {
            foreach (var b in closest[a])
            {
                foreach (var c in closest[b])
                {
                    if (c != a && (sources is null || sources[c] != sources[a]))
                    {
                        best.TryAdd(Pair(a, c), (level, 0));
                    }
                }
            }
        }
    }

    private static double Cosine(KeySpace space, int a, int b) =>
        Similarity.Cosine(space.Ids[a], space.Weights[a], space.Ids[b], space.Weights[b]);

    /// <summary>Scores every pair by its full cosines and the average Jaro-Winkler similarity of the columns both fill.</summary>
    private void Rescore(Dictionary<long, (int Rank, float Score)> best, float[]?[]? vectors)
    {
        var pairs = best.Keys.ToArray();
        var scores = new float[pairs.Length];
        Parallel.For(0, pairs.Length, i =>
        {
            var (a, b) = Rows(pairs[i]);
            double sum = 0;
            var both = 0;
            for (var c = 0; c < records.Columns.Length; c++)
            {
                if (records.Text[c][a].Length > 0 && records.Text[c][b].Length > 0)
                {
                    sum += Similarity.JaroWinkler(records.Text[c][a], records.Text[c][b]);
                    both++;
                }
            }

            scores[i] = (float)(Cosine(records.RecordKeys, a, b) + Cosine(records.ColumnKeys, a, b)
                + (both == 0 ? 0 : sum / both)
                + (vectors?[a] is { } va && vectors[b] is { } vb ? HyperplaneIndex.Cosine(va, vb) : 0));
        });
        for (var i = 0; i < pairs.Length; i++)
        {
            best[pairs[i]] = (best[pairs[i]].Rank, scores[i]);
        }
    }
}
