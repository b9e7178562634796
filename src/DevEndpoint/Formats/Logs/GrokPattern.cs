using System.Text;
using System.Text.RegularExpressions;
using DevEndpoint.Formats.Logs.Internals;

namespace DevEndpoint.Formats.Logs;

/// <summary>One named field a grok pattern captures, with its Hive type (<c>string</c> unless the pattern says <c>:int</c>, ...).</summary>
internal sealed record GrokField(string Name, string Type);

/// <summary>
/// A grok pattern — a regular expression with <c>%{PATTERN}</c>, <c>%{PATTERN:field}</c> and <c>%{PATTERN:field:type}</c>
/// references to named patterns — compiled to a .NET regular expression that matches one whole line.
/// </summary>
internal sealed partial class GrokPattern
{
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex regex;
    private readonly string expression;

    private GrokPattern(string text, string expression, IReadOnlyList<GrokField> fields)
    {
        Text = text;
        this.expression = expression;
        regex = ToRegex(RegexOptions.None, MatchTimeout);
        Fields = fields;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The named fields, in the order they first appear.</summary>
    public IReadOnlyList<GrokField> Fields { get; }

    /// <summary>
    /// Compiles a grok pattern. Named patterns come from <paramref name="patterns"/> first, then the built-in library
    /// (INT, NUMBER, WORD, NOTSPACE, DATA, GREEDYDATA, QUOTEDSTRING, IP, HOSTNAME, IPORHOST, USER, HTTPDATE,
    /// SYSLOGTIMESTAMP, COMMONAPACHELOG, COMBINEDAPACHELOG, SYSLOGLINE, ...). Throws <see cref="ArgumentException"/> naming
    /// an unknown pattern or type, a pattern that refers to itself, or a regular expression that does not compile.
    /// </summary>
    public static GrokPattern Compile(string pattern, IReadOnlyDictionary<string, string>? patterns = null)
    {
        var fields = new List<GrokField>();
        var expanded = Expand(pattern, patterns ?? new Dictionary<string, string>(), fields, []);
        try
        {
            return new GrokPattern(pattern, expanded, fields);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The grok pattern '{pattern}' is not a valid regular expression once expanded ({e.Message.TrimEnd('.')}).", nameof(pattern), e);
        }
    }

    /// <summary>The values of the fields in a line, by field name (a field the line leaves out is absent); <c>null</c> when the line does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string line)
    {
        Match match;
        try
        {
            match = regex.Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            if (match.Groups[GroupName(i)] is { Success: true } group)
            {
                values[Fields[i].Name] = group.Value;
            }
        }

        return values;
    }

    /// <summary>
    /// The pattern as a .NET regular expression matching one whole line, with <paramref name="options"/> added (a load
    /// compiles it once with <see cref="RegexOptions.Compiled"/>); field <c>i</c> of <see cref="Fields"/> is the group named
    /// <see cref="GroupName"/>(i). A match that takes longer than <paramref name="timeout"/> throws <see cref="RegexMatchTimeoutException"/>.
    /// </summary>
    internal Regex ToRegex(RegexOptions options, TimeSpan timeout) =>
        new($"^(?:{expression})$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | options, timeout);

    internal static string GroupName(int index) => $"f{index}";

    private static string Expand(string pattern, IReadOnlyDictionary<string, string> patterns, List<GrokField> fields, HashSet<string> expanding)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match reference in Reference().Matches(pattern))
        {
            result.Append(pattern, last, reference.Index - last);
            last = reference.Index + reference.Length;
            var name = reference.Groups["pattern"].Value;
            var definition = patterns.TryGetValue(name, out var custom) ? custom
                : GrokLibrary.Patterns.TryGetValue(name, out var builtIn) ? builtIn
                : throw new ArgumentException($"The grok pattern '{pattern}' refers to %{{{name}}}, which is not a known pattern.", nameof(pattern));
            if (!expanding.Add(name))
            {
                throw new ArgumentException($"The grok pattern %{{{name}}} refers to itself.", nameof(pattern));
            }

            var inner = Expand(definition, patterns, fields, expanding);
            expanding.Remove(name);
            if (reference.Groups["field"] is { Success: true } field)
            {
                var type = reference.Groups["type"] is { Success: true } t ? GrokLibrary.HiveType(t.Value, pattern) : "string";
                var index = fields.FindIndex(f => f.Name == field.Value);
                if (index < 0)
                {
                    index = fields.Count;
                    fields.Add(new GrokField(field.Value, type));
                }

                result.Append($"(?<{GroupName(index)}>{inner})");
            }
            else
            {
                result.Append($"(?:{inner})");
            }
        }

        return result.Append(pattern, last, pattern.Length - last).ToString();
    }

    [GeneratedRegex(@"%\{(?<pattern>[A-Za-z0-9_]+)(?::(?<field>[^:}]+)(?::(?<type>[A-Za-z]+))?)?\}")]
    private static partial Regex Reference();
}
