using System.Globalization;
using System.Text.RegularExpressions;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>
/// The Delta golden tables of <c>lakehouse/delta-golden</c> and what their <c>EXPECTED.md</c> states of each, parsed from
/// its machine-readable lines: the summary table (kind, latest version, rows) and each table's "Mechanical" lines
/// (active files at the latest version, rows by version). Where the tests assert a file count that the mechanical replay
/// (which does not canonicalise paths) misses, as in <c>canonicalized-paths-*</c>, the tests' count is taken.
/// </summary>
internal static partial class DeltaGolden
{
    private static readonly Lazy<IReadOnlyList<Table>> Parsed = new(Parse);

    public static string Folder => Corpora.Path("lakehouse", "delta-golden");

    public static IReadOnlyList<Table> Tables => Parsed.Value;

    public static Table Get(string name) => Tables.Single(t => t.Name == name);

    private static List<Table> Parse()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "EXPECTED.md"));
        var tables = new List<Table>();
        foreach (Match row in SummaryRow().Matches(text))
        {
            var name = row.Groups["name"].Value;
            var section = Section(text, name);
            var versions = RowsByVersion().Match(section) is { Success: true } byVersion
                ? VersionRows().Matches(byVersion.Groups["list"].Value).ToDictionary(m => Long(m.Groups["v"].Value), m => Long(m.Groups["rows"].Value))
                : [];
            tables.Add(new Table(
                name,
                row.Groups["kind"].Value,
                long.TryParse(row.Groups["latest"].Value, CultureInfo.InvariantCulture, out var latest) ? latest : null,
                long.TryParse(row.Groups["rows"].Value, CultureInfo.InvariantCulture, out var rows) ? rows : null,
                section.Contains("and 0 active files", StringComparison.Ordinal) ? 0
                    : ActiveFiles().Match(section) is { Success: true } files ? int.Parse(files.Groups["n"].Value, CultureInfo.InvariantCulture) : null,
                versions));
        }

        return tables;
    }

    private static string Section(string text, string name)
    {
        var start = text.IndexOf($"### `{name}`", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = text.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\| `(?<name>[^`]+)` \| (?<kind>rows|files|log|error|raw) \| (?<latest>[^|]+) \| [^|]* \| ([^|/]+ / (?<rows>[^| ]+)|-) \|$", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();

    [GeneratedRegex(@"Rows by version \(Parquet\): (?<list>[^\n]+)")]
    private static partial Regex RowsByVersion();

    [GeneratedRegex(@"v(?<v>\d+) (?<rows>\d+)")]
    private static partial Regex VersionRows();

    [GeneratedRegex(@"(?<n>\d+) active file\(s\) at v\d+")]
    private static partial Regex ActiveFiles();

    /// <summary>A golden table: its folder under delta-golden, kind, latest version, rows (from the Parquet footers), active files, rows by version.</summary>
    public sealed record Table(string Name, string Kind, long? Latest, long? Rows, int? ActiveFiles, IReadOnlyDictionary<long, long> RowsByVersion)
    {
        public string Root => Path.Combine(Folder, Name);

        public override string ToString() => Name;
    }
}
