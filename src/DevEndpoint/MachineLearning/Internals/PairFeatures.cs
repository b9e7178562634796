namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// The similarity features of a pair of records: per compared column Jaro-Winkler, token Jaccard, 3-gram Jaccard, exact
/// equality and missingness, then for text columns the share of the shorter value's words the other holds (an abbreviated
/// or shortened name) and the Jaccard of the numbers inside the texts (a street or phone number; 1/2 when either has none),
/// for number and date columns their closeness; then the TF-IDF cosine of the whole records.
/// </summary>
internal sealed class PairFeatures
{
    private readonly MatchRecords records;

    public PairFeatures(MatchRecords records)
    {
        this.records = records;
        var owners = new List<int>();
        for (var c = 0; c < records.Columns.Length; c++)
        {
            owners.AddRange(Enumerable.Repeat(c, records.Kinds[c] == ColumnKind.Text ? 7 : 6));
        }

        owners.Add(-1);
        ColumnOfFeature = owners.ToArray();
    }

    /// <summary>The compared column each feature belongs to (-1 for the whole-record cosine).</summary>
    public int[] ColumnOfFeature { get; }

    public int Count => ColumnOfFeature.Length;

    public float[] Of(int a, int b)
    {
        var features = new float[Count];
        var f = 0;
        for (var c = 0; c < records.Columns.Length; c++)
        {
            var ta = records.Text[c][a];
            var tb = records.Text[c][b];
            var missing = ta.Length == 0 || tb.Length == 0;
            features[f++] = missing ? 0 : (float)Similarity.JaroWinkler(ta, tb);
            features[f++] = missing ? 0 : (float)Similarity.Jaccard(records.Tokens[c][a], records.Tokens[c][b]);
            features[f++] = missing ? 0 : (float)Similarity.Jaccard(records.Grams[c][a], records.Grams[c][b]);
            features[f++] = !missing && string.Equals(ta, tb, StringComparison.Ordinal) ? 1 : 0;
            features[f++] = missing ? 1 : 0;
            if (records.Kinds[c] == ColumnKind.Text)
            {
                int[] wa = records.Tokens[c][a], wb = records.Tokens[c][b], na = records.Numbers[c][a], nb = records.Numbers[c][b];
                features[f++] = missing ? 0 : (float)Similarity.Shared(wa, wb) / Math.Min(wa.Length, wb.Length);
                features[f++] = na.Length == 0 || nb.Length == 0 ? 0.5f : (float)Similarity.Jaccard(na, nb);
            }
            else
            {
                var va = records.Values[c][a];
                var vb = records.Values[c][b];
                features[f++] = double.IsNaN(va) || double.IsNaN(vb) ? 0
                    : (float)(records.Kinds[c] == ColumnKind.Date ? Similarity.Days(va, vb) : Similarity.Numeric(va, vb));
            }
        }

        features[f] = (float)Similarity.Cosine(records.KeyIds[a], records.KeyWeights[a], records.KeyIds[b], records.KeyWeights[b]);
        return features;
    }

    /// <summary>The features of many pairs at once (on every core).</summary>
    public float[][] Of(IReadOnlyList<long> pairs)
    {
        var result = new float[pairs.Count][];
        Parallel.For(0, pairs.Count, i =>
        {
            var (a, b) = Blocker.Rows(pairs[i]);
            result[i] = Of(a, b);
        });
        return result;
    }
}
