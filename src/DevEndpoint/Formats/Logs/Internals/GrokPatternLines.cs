namespace DevEndpoint.Formats.Logs.Internals;

/// <summary>Glue's custom patterns: one named pattern per line, <c>NAME regular-expression</c>; blank lines and <c>#</c> comments are skipped.</summary>
internal static class GrokPatternLines
{
    public static IReadOnlyDictionary<string, string> Parse(string classifier, string? text)
    {
        var patterns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, number) in (text ?? string.Empty).Split('\n').Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            var name = space > 0 ? line[..space] : line;
            if (space < 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new DevEndpointException($"Classifier '{classifier}' is not valid: custom pattern line {number} '{line}' is not 'NAME regular-expression'. Write one pattern per line, for example MYID [A-Z]{{3}}-[0-9]+.");
            }

            patterns[name] = line[(space + 1)..].Trim();
        }

        return patterns;
    }
}
