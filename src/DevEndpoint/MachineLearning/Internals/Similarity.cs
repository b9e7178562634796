namespace DevEndpoint.MachineLearning.Internals;

/// <summary>String and set similarities between two values of a column, each 0 (nothing alike) to 1 (the same).</summary>
internal static class Similarity
{
    /// <summary>Jaro-Winkler similarity: characters in common near the same place, with a bonus for a common prefix of up to 4.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aMatched = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>Jaccard similarity of two sorted sets of ids: shared over all.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var shared = Shared(a, b);
        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>How many ids two sorted sets share.</summary>
    public static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>Cosine similarity of two sparse vectors (sorted ids with weights).</summary>
    public static double Cosine(int[] aIds, float[] aWeights, int[] bIds, float[] bWeights)
    {
        int i = 0, j = 0;
        double dot = 0;
        while (i < aIds.Length && j < bIds.Length)
        {
            if (aIds[i] == bIds[j])
            {
                dot += aWeights[i++] * bWeights[j++];
            }
            else if (aIds[i] < bIds[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Clamp(dot, 0, 1);
    }

    /// <summary>Closeness of two numbers relative to their size: 1 when equal, 0 when one is twice the other or of another sign.</summary>
    public static double Numeric(double a, double b)
    {
        var scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-9);
        return Math.Clamp(1 - (Math.Abs(a - b) / scale), 0, 1);
    }

    /// <summary>Closeness of two dates: 1 on the same day, 1/2 a month apart, falling towards 0 over years.</summary>
    public static double Days(double a, double b) => 1 / (1 + (Math.Abs(a - b) / 30));
}
