namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// Blocking keys of every record as sparse TF-IDF vectors: per record the key ids (sorted) and their weights (unit
/// length), with how many records hold each key and its inverse document frequency.
/// </summary>
internal sealed class KeySpace
{
    public KeySpace(int[][] ids, float[][] weights, float[] inverseNorms, int[] frequency, float[] idf)
    {
        Ids = ids;
        Weights = weights;
        InverseNorms = inverseNorms;
        Frequency = frequency;
        Idf = idf;
    }

    public static KeySpace Empty { get; } = new([], [], [], [], []);

    public int[][] Ids { get; }

    public float[][] Weights { get; }

    /// <summary>Per record: one over the length of its TF-IDF vector before it was made unit length (0 without keys).</summary>
    public float[] InverseNorms { get; }

    public int[] Frequency { get; }

    public float[] Idf { get; }

    /// <summary>The space of the given keys of each record (duplicates count once).</summary>
    public static KeySpace Of(IReadOnlyList<List<string>> keysOfRecord)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[keysOfRecord.Count][];
        var frequency = new List<int>();
        for (var row = 0; row < ids.Length; row++)
        {
            var set = new HashSet<int>();
            foreach (var key in keysOfRecord[row])
            {
                if (!known.TryGetValue(key, out var id))
                {
                    id = known.Count;
                    known.Add(key, id);
                    frequency.Add(0);
                }

                if (set.Add(id))
                {
                    frequency[id]++;
                }
            }

            ids[row] = set.Order().ToArray();
        }

        var idf = frequency.Select(f => (float)Math.Log((1.0 + ids.Length) / (1.0 + f))).ToArray();
        var weights = new float[ids.Length][];
        var inverseNorms = new float[ids.Length];
        for (var row = 0; row < ids.Length; row++)
        {
            var w = ids[row].Select(id => idf[id]).ToArray();
            var norm = (float)Math.Sqrt(w.Sum(x => (double)x * x));
            inverseNorms[row] = norm > 0 ? 1 / norm : 0;
            weights[row] = w.Select(x => x * inverseNorms[row]).ToArray();
        }

        return new KeySpace(ids, weights, inverseNorms, frequency.ToArray(), idf);
    }
}
