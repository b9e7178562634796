using System.Text;

namespace DevEndpoint.Formats;

/// <summary>Turns header cells and field names into catalog column names: lower case, trimmed, unique; <c>col0..n</c> when absent.</summary>
internal static class ColumnNames
{
    public static IReadOnlyList<string> Make(IReadOnlyList<string> header, int width)
    {
        var names = new List<string>(width);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < width; i++)
        {
            var name = i < header.Count ? Clean(header[i]) : string.Empty;
            if (name.Length == 0)
            {
                name = $"col{i}";
            }

            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            names.Add(unique);
        }

        return names;
    }

    public static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            builder.Append(char.IsControl(c) ? '_' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
