namespace DevEndpoint.MachineLearning.Internals;

internal sealed partial class Matcher
{
    /// <summary>
    /// The <c>match_id</c> of every record when the first <paramref name="existingIds"/>.Length records were matched
    /// before (they keep their ids) and the others are new. Only pairs with a new record are scored (see
    /// <see cref="IncrementalPairs"/>); they are
    /// merged surest first with the average linkage of <see cref="Entities"/>, except that two groups which both hold
    /// existing records are never merged: existing entities are never split, merged or renumbered, and a new record that
    /// looks like two of them joins the one it matches best. New entities get ids above the highest existing one, in the
    /// order of their first new record. In a record-linkage table only records of different sources are paired, and a new
    /// record never joins an entity that holds a record of its source.
    /// </summary>
    public long[] IncrementalEntities(PairClassifier model, long[] existingIds)
    {
        var existing = existingIds.Length;
        var pairs = IncrementalPairs(existing);
        var probabilities = model.Probabilities(Features.Of(pairs));
        var scored = new Dictionary<long, float>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            scored[pairs[i]] = probabilities[i];
        }

        var parent = Enumerable.Range(0, Records.Count).ToArray();
        var members = new Dictionary<int, List<int>>();
        var idOfRoot = new Dictionary<int, long>();
        var rootOfId = new Dictionary<long, int>();
        for (var row = 0; row < existing; row++)
        {
            if (rootOfId.TryGetValue(existingIds[row], out var root))
            {
                parent[row] = root;
                members[root].Add(row);
            }
            else
            {
                rootOfId[existingIds[row]] = row;
                idOfRoot[row] = existingIds[row];
                members[row] = [row];
            }
        }

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

        foreach (var (pair, _) in scored.Where(p => p.Value >= Threshold).OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToList())
        {
            var (a, b) = Blocker.Rows(pair);
            int ra = Find(a), rb = Find(b);
            if (ra == rb || (idOfRoot.ContainsKey(ra) && idOfRoot.ContainsKey(rb)))
            {
                continue;
            }

            var left = Members(ra);
            var right = Members(rb);
            if (ShareASource(left, right) || (left.Count + right.Count > 2 && !Cohesive(left, right, scored, model)))
            {
                continue;
            }

            int root = Math.Min(ra, rb), other = Math.Max(ra, rb);
            parent[other] = root;
            members[root] = [.. left, .. right];
            members.Remove(other);
            if (idOfRoot.Remove(other, out var id))
            {
                idOfRoot[root] = id;
            }
        }

        var next = existing == 0 ? 0 : existingIds.Max() + 1;
        var ids = new long[Records.Count];
        for (var row = 0; row < Records.Count; row++)
        {
            var root = Find(row);
            if (!idOfRoot.TryGetValue(root, out var id))
            {
                idOfRoot[root] = id = next++;
            }

            ids[row] = id;
        }

        return ids;
    }

    /// <summary>
    /// The candidate pairs of incremental matching (lower row first, sorted): each new record (row at or after
    /// <paramref name="existing"/>) with its 2 x <see cref="Blocker.Neighbours"/> nearest records, existing or new.
    /// Only the new records are looked up in the blocking index; existing records are not compared with each other.
    /// </summary>
    private long[] IncrementalPairs(int existing)
    {
        var count = 2 * Blocker.Neighbours;
        var nearest = new Neighbour[Records.Count - existing][];
        Parallel.For(existing, Records.Count, row => nearest[row - existing] = Blocker.NearestOf(row, count));
        var pairs = new HashSet<long>();
        for (var i = 0; i < nearest.Length; i++)
        {
            foreach (var other in nearest[i])
            {
                pairs.Add(Blocker.Pair(existing + i, other.Row));
            }
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
