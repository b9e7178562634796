using System.Net;
using System.Text.RegularExpressions;
using DevEndpoint.Frames;

namespace DevEndpoint.Run;

/// <summary>The readable text of an HTML display (the magics show HTML tables), for the console of <c>devendpoint run</c>.</summary>
internal static partial class RunHtmlText
{
    public static string ToText(string html)
    {
        var text = Hidden().Replace(html, string.Empty);
        text = Table().Replace(text, table => "\n" + WebUtility.HtmlEncode(Grid(table.Value)) + "\n");
        text = LineBreak().Replace(text, "\n");
        text = CellEnd().Replace(text, "  ");
        text = WebUtility.HtmlDecode(Tag().Replace(text, string.Empty));
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = lines.Where((line, i) => line.Length > 0 || (i > 0 && lines[i - 1].Length > 0));
        return string.Join('\n', kept).Trim();
    }

    /// <summary>An HTML table as a text grid: its first row the header, a column aligned right where its cells are (numbers).</summary>
    private static string Grid(string table)
    {
        var rows = Row().Matches(table)
            .Select(row => Cell().Matches(row.Value).Select(cell => (Text: WebUtility.HtmlDecode(Tag().Replace(cell.Groups[2].Value, string.Empty)), Right: cell.Groups[1].Value.Contains("text-align:right", StringComparison.Ordinal))).ToList())
            .ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var right = rows[0].Select((_, i) => rows.Skip(1).Any(r => i < r.Count && r[i].Right)).ToList();
        return TextGrid.Write([.. rows[0].Select(c => c.Text)], right, [.. rows.Skip(1).Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Text)])]);
    }

    [GeneratedRegex(@"<table\b.*?</table\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<tr\b.*?</tr\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<t[dh]\b([^>]*)>(.*?)</t[dh]\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<(style|script)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|tr|li|ul|ol|table|caption|summary|details|pre|section)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
