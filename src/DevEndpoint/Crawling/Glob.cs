using System.Text;
using System.Text.RegularExpressions;

namespace DevEndpoint.Crawling;

/// <summary>
/// An exclusion pattern relative to the crawl's include path, as in Glue: <c>*</c> stays in one folder level,
/// <c>**</c> crosses levels, <c>?</c>, <c>[a-z]</c>, <c>[!a-z]</c> and <c>{a,b}</c> work as in shells.
/// A pattern that matches a folder excludes everything under it.
/// </summary>
internal sealed class Glob
{
    private readonly Regex regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        regex = new Regex("^" + Translate(pattern.Replace('\\', '/').TrimStart('/')) + "$", RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    /// <summary>Whether the relative path (with <c>/</c> separators), or one of its folders, matches.</summary>
    public bool Matches(string relativePath)
    {
        if (regex.IsMatch(relativePath))
        {
            return true;
        }

        for (var slash = relativePath.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = relativePath.IndexOf('/', slash + 1))
        {
            if (regex.IsMatch(relativePath[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a comma-separated list of globs, keeping the commas inside <c>{a,b}</c> alternatives.</summary>
    public static IReadOnlyList<string> SplitList(string patterns)
    {
        var list = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= patterns.Length; i++)
        {
            if (i == patterns.Length || (patterns[i] == ',' && depth == 0))
            {
                var pattern = patterns[start..i].Trim();
                if (pattern.Length > 0)
                {
                    list.Add(pattern);
                }

                start = i + 1;
            }
            else if (patterns[i] == '{')
            {
                depth++;
            }
            else if (patterns[i] == '}' && depth > 0)
            {
                depth--;
            }
        }

        return list;
    }

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        var braces = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^/" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }
}
