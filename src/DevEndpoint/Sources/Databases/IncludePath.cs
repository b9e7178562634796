using System.Text;
using System.Text.RegularExpressions;

namespace DevEndpoint.Sources.Databases;

/// <summary>
/// An include path of a database crawl, as Glue's JDBC crawler takes them: <c>database/schema/table</c> for PostgreSQL,
/// <c>database/table</c> for MySQL, <c>schema/table</c> for SQLite, where <c>%</c> in a part matches any run of
/// characters (parts left out match everything: <c>shop</c> is <c>shop/%/%</c>). Names compare without case.
/// </summary>
internal sealed class IncludePath
{
    private readonly Regex[] parts;

    private IncludePath(string text, IReadOnlyList<string> given, Regex[] parts)
    {
        Text = text;
        Given = given;
        this.parts = parts;
    }

    public string Text { get; }

    /// <summary>The parts as written (without the ones filled in with <c>%</c>).</summary>
    public IReadOnlyList<string> Given { get; }

    /// <summary>Whether the first part (the database, for PostgreSQL) is one name, without <c>%</c>.</summary>
    public bool FirstIsLiteral => !Given[0].Contains('%', StringComparison.Ordinal);

    public static IncludePath Parse(string text, DatabaseEngine engine)
    {
        var given = text.Trim().Trim('/').Split('/');
        if (given.Length > engine.PathParts.Count || given.Any(p => p.Length == 0))
        {
            throw new DevEndpointException(
                $"The include path '{text}' is not {string.Join('/', engine.PathParts)} for a {engine.Classification} connection. Use % for any name, for example {Example(engine)}.");
        }

        var parts = given.Concat(Enumerable.Repeat("%", engine.PathParts.Count - given.Length)).Select(Pattern).ToArray();
        return new IncludePath(text, given, parts);
    }

    public bool Matches(IReadOnlyList<string> path) => path.Count == parts.Length && parts.Zip(path).All(p => p.First.IsMatch(p.Second));

    public static string Example(DatabaseEngine engine) => engine.PathParts.Count == 3 ? "shop/public/%" : engine.PathParts[0] == "schema" ? "main/%" : "shop/%";

    /// <summary>A pattern where <c>%</c> (and, for excludes, <c>*</c>) matches any run of characters; everything else is literal.</summary>
    public static Regex Pattern(string text, bool star)
    {
        var regex = new StringBuilder("^");
        foreach (var c in text)
        {
            regex.Append(c == '%' || (star && c == '*') ? ".*" : Regex.Escape(c.ToString()));
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static Regex Pattern(string part) => Pattern(part, star: false);
}

/// <summary>
/// An exclude pattern of a database crawl: with a <c>/</c> it is matched against the whole path
/// (<c>shop/archive/%</c>), without one against the table name (<c>tmp_*</c>); <c>%</c> and <c>*</c> match any run of characters.
/// </summary>
internal sealed class ExcludePattern(string text)
{
    private readonly Regex pattern = IncludePath.Pattern(text.Trim().Trim('/'), star: true);
    private readonly bool whole = text.Trim().Trim('/').Contains('/', StringComparison.Ordinal);

    public bool Matches(SourceTable table) => pattern.IsMatch(whole ? table.ToString() : table.Name);
}
