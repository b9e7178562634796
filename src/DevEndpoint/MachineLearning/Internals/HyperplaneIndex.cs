namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// Approximate nearest neighbours by cosine over dense unit vectors, by random-hyperplane hashing: each of several tables
/// hashes a vector to the side of each of its random hyperplanes it lies on (one bit a plane), so vectors at a small angle
/// share a bucket in most tables. A query reads its bucket and those one bit away in every table and ranks what it finds by
/// exact cosine. The planes come from a fixed seed, so the same vectors give the same neighbours.
/// </summary>
internal sealed class HyperplaneIndex
{
    private const int Tables = 12;

    private readonly float[]?[] vectors;
    private readonly int bits;
    private readonly float[][] planes;
    private readonly int[][] signatures;
    private readonly Dictionary<int, List<int>>[] buckets;

    /// <param name="vectors">Unit vectors of one length; null for a record without one (it has no neighbours and is nobody's).</param>
    /// <param name="seed">The seed of the random planes.</param>
    public HyperplaneIndex(float[]?[] vectors, int seed)
    {
        this.vectors = vectors;
        var dimensions = vectors.FirstOrDefault(v => v is not null)?.Length ?? 0;

        // About 8 vectors a bucket: enough planes that a bucket stays small, at least one.
        bits = Math.Clamp((int)Math.Floor(Math.Log2(Math.Max(2, vectors.Length / 8.0))), 1, 24);
        var random = new Random(seed);
        planes = new float[Tables * bits][];
        for (var p = 0; p < planes.Length; p++)
        {
            planes[p] = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                // A standard normal by Box-Muller: the directions of the planes are then uniform on the sphere.
                planes[p][d] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }
        }

        signatures = new int[vectors.Length][];
        buckets = Enumerable.Range(0, Tables).Select(_ => new Dictionary<int, List<int>>()).ToArray();
        for (var row = 0; row < vectors.Length; row++)
        {
            if (vectors[row] is not { } vector)
            {
                continue;
            }

            signatures[row] = Signature(vector);
            for (var t = 0; t < Tables; t++)
            {
                if (!buckets[t].TryGetValue(signatures[row][t], out var bucket))
                {
                    buckets[t][signatures[row][t]] = bucket = [];
                }

                bucket.Add(row);
            }
        }
    }

    /// <summary>The cosine of two unit vectors.</summary>
    public static float Cosine(float[] a, float[] b)
    {
        var sum = 0f;
        for (var d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }

        return sum;
    }

    /// <summary>The nearest records of one record by cosine, best first (ties by row), at most <paramref name="count"/>.</summary>
    public Neighbour[] NearestOf(int row, int count)
    {
        if (vectors[row] is not { } vector)
        {
            return [];
        }

        var seen = new HashSet<int> { row };
        var found = new List<Neighbour>();
        for (var t = 0; t < Tables; t++)
        {
            var signature = signatures[row][t];
            Probe(signature);
            for (var b = 0; b < bits; b++)
            {
                Probe(signature ^ (1 << b));
            }

            void Probe(int key)
            {
                if (!buckets[t].TryGetValue(key, out var bucket))
                {
                    return;
                }

                foreach (var other in bucket)
                {
                    if (seen.Add(other))
                    {
                        found.Add(new Neighbour(other, Cosine(vector, vectors[other]!)));
                    }
                }
            }
        }

        return found.OrderByDescending(n => n.Score).ThenBy(n => n.Row).Take(count).ToArray();
    }

    private int[] Signature(float[] vector)
    {
        var signature = new int[Tables];
        for (var t = 0; t < Tables; t++)
        {
            for (var b = 0; b < bits; b++)
            {
                if (Cosine(planes[(t * bits) + b], vector) >= 0)
                {
                    signature[t] |= 1 << b;
                }
            }
        }

        return signature;
    }
}
