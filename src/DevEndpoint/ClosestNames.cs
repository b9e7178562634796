namespace DevEndpoint;

/// <summary>Finds the names closest to a misspelt one, for "did you mean" hints in errors.</summary>
internal static class ClosestNames
{
    public static IReadOnlyList<string> Find(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        var scored = candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: Distance(wanted.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(s => s.Distance <= Math.Max(2, wanted.Length / 2)
                || s.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
                || wanted.Contains(s.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Distance)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(s => s.Name)
            .ToList();
        return scored;
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
