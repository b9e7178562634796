namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// The semantic pass of blocking: the records closest in meaning, by the cosine of sentence embeddings. Only the short
/// text columns are embedded (names, titles, places: the columns whose values are mostly words of at most
/// <see cref="LongestText"/> characters on average; not numbers, dates, codes or long descriptions), each distinct value once;
/// a record's vector is the sum of its values' vectors, made unit length.
/// </summary>
internal static class SemanticNeighbours
{
    /// <summary>The longest average value of a column that is embedded.</summary>
    public const int LongestText = 40;

    /// <summary>The seed of the random hyperplanes of the nearest-neighbour index.</summary>
    private const int Seed = 17;

    /// <summary>The columns that are embedded: text columns whose values are mostly words and short.</summary>
    public static int[] Columns(MatchRecords records) => Enumerable.Range(0, records.Columns.Length).Where(c =>
    {
        var filled = records.Text[c].Where(t => t.Length > 0).ToList();
        return records.Kinds[c] == ColumnKind.Text
            && filled.Count > 0
            && filled.Count(t => char.IsLetter(t[0])) * 2 >= filled.Count
            && filled.Average(t => t.Length) <= LongestText;
    }).ToArray();

    /// <summary>Per record its unit vector (null when none of its embedded columns is filled).</summary>
    public static float[]?[] Vectors(MatchRecords records, TextEmbedder embedder)
    {
        var columns = Columns(records);
        var texts = columns.SelectMany(c => records.Text[c]).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var embedded = embedder.Embed(texts);
        var vectorOf = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            vectorOf[texts[i]] = embedded[i];
        }

        var result = new float[]?[records.Count];
        for (var row = 0; row < records.Count; row++)
        {
            float[]? sum = null;
            foreach (var c in columns)
            {
                if (vectorOf.TryGetValue(records.Text[c][row], out var vector))
                {
                    sum ??= new float[vector.Length];
                    for (var d = 0; d < vector.Length; d++)
                    {
                        sum[d] += vector[d];
                    }
                }
            }

            if (sum is not null)
            {
                var norm = (float)Math.Sqrt(HyperplaneIndex.Cosine(sum, sum));
                result[row] = norm > 0 ? sum.Select(x => x / norm).ToArray() : null;
            }
        }

        return result;
    }

    /// <summary>The nearest records of each record by the cosine of their vectors, best first, at most <paramref name="count"/>.</summary>
    public static Neighbour[][] Nearest(float[]?[] vectors, int count)
    {
        var index = new HyperplaneIndex(vectors, Seed);
        var result = new Neighbour[vectors.Length][];
        Parallel.For(0, vectors.Length, row => result[row] = index.NearestOf(row, count));
        return result;
    }
}
