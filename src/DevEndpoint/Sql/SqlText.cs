using System.Text;
using System.Text.RegularExpressions;

namespace DevEndpoint.Sql;

/// <summary>
/// The text DuckDB runs for a query: the saved queries it names as common table expressions on lines before it, and each
/// <c>{{name}}</c> replaced by a positional parameter <c>?</c> padded with spaces to the same length, so that DuckDB's
/// positions still fall on the query's own lines and columns. Values are bound, never pasted into the text.
/// </summary>
internal sealed partial class SqlText
{
    private SqlText(string text, IReadOnlyList<string> parameters, int prefixLines, string query)
    {
        Text = text;
        Parameters = parameters;
        PrefixLines = prefixLines;
        Query = query;
    }

    /// <summary>What DuckDB runs.</summary>
    public string Text { get; }

    /// <summary>The names of the parameters, one per <c>?</c> in order (a name used twice is there twice).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The lines the saved queries take before the query's first line.</summary>
    public int PrefixLines { get; }

    /// <summary>The query as written.</summary>
    public string Query { get; }

    /// <summary>
    /// The query with the saved queries <paramref name="with"/> (name and text) before it, its parameters not yet replaced,
    /// and the lines they take before the query's first line.
    /// </summary>
    public static (string Text, int PrefixLines) Compose(string query, IReadOnlyList<(string Name, string Sql)> with)
    {
        if (with.Count == 0)
        {
            return (query, 0);
        }

        var leading = LeadingWith().Match(query);
        var keyword = leading.Success ? leading.Groups["keyword"].Value : "WITH";
        var ctes = string.Join(",\n", with.Select(w => $"{Quote(w.Name)} AS (\n{w.Sql}\n)"));

        // The query's own WITH (or WITH RECURSIVE) becomes the comma that continues the list, padded to the same length.
        var rest = leading.Success
            ? string.Concat(query.AsSpan(0, leading.Groups["keyword"].Index), ",".PadRight(keyword.Length), query.AsSpan(leading.Groups["keyword"].Index + keyword.Length))
            : query;
        var prefix = $"{keyword.ToUpperInvariant()} {ctes}\n";
        return (prefix + rest, prefix.Count(c => c == '\n'));
    }

    /// <summary>Replaces the parameters of <paramref name="composed"/> (see <see cref="Compose"/>), whose query starts after <paramref name="prefixLines"/> lines.</summary>
    public static SqlText Parse(string query, string composed, int prefixLines)
    {
        var text = new StringBuilder(composed.Length);
        var parameters = new List<string>();
        var i = 0;
        while (i < composed.Length)
        {
            var c = composed[i];
            var next = i + 1 < composed.Length ? composed[i + 1] : '\0';
            if (c is '\'' or '"')
            {
                var end = QuoteEnd(composed, i);
                var quoted = composed[i..end];
                if (c == '\'' && Parameter().Match(quoted) is { Success: true } inside)
                {
                    var (line, column) = Position(composed, i + inside.Index, prefixLines);
                    throw new DevEndpointException(
                        $"Line {line}, column {column}: {inside.Value} is inside a quoted string, where it stays as text. Write it without quotes: its value is bound as a parameter.");
                }

                text.Append(quoted);
                i = end;
            }
            else if (c == '-' && next == '-')
            {
                var end = composed.IndexOf('\n', i);
                end = end < 0 ? composed.Length : end;
                text.Append(composed, i, end - i);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = composed.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? composed.Length : end + 2;
                text.Append(composed, i, end - i);
                i = end;
            }
            else if (c == '{' && next == '{' && Parameter().Match(composed, i) is { Success: true } match && match.Index == i)
            {
                parameters.Add(match.Groups["name"].Value);
                text.Append('?').Append(' ', match.Length - 1);
                i += match.Length;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return new SqlText(text.ToString(), parameters, prefixLines, query);
    }

    /// <summary>The line and column (from 1) of the query that offset <paramref name="offset"/> of the text DuckDB ran falls on.</summary>
    public (int Line, int Column) Position(int offset) => Position(Text, offset, PrefixLines);

    /// <summary>An identifier in double quotes.</summary>
    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A text as a string literal.</summary>
    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private static (int Line, int Column) Position(string text, int offset, int prefixLines)
    {
        var before = text.AsSpan(0, Math.Min(offset, text.Length));
        var line = before.Count('\n') + 1 - prefixLines;
        return (Math.Max(1, line), offset - (before.LastIndexOf('\n') + 1) + 1);
    }

    /// <summary>The offset after a quoted string or identifier starting at <paramref name="start"/> (a doubled quote stays inside).</summary>
    private static int QuoteEnd(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^\s*(?<keyword>with(\s+recursive)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWith();
}
