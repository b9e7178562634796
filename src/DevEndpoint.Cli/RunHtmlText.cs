using System.Net;
using System.Text.RegularExpressions;

namespace DevEndpoint.Cli;

/// <summary>The readable text of an HTML display (the magics show HTML tables), for the console of <c>devendpoint run</c>.</summary>
internal static partial class RunHtmlText
{
    public static string ToText(string html)
    {
        var text = Hidden().Replace(html, string.Empty);
        text = LineBreak().Replace(text, "\n");
        text = CellEnd().Replace(text, "  ");
        text = WebUtility.HtmlDecode(Tag().Replace(text, string.Empty));
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var kept = lines.Where((line, i) => line.Length > 0 || (i > 0 && lines[i - 1].Length > 0));
        return string.Join('\n', kept).Trim();
    }

    [GeneratedRegex(@"<(style|script)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|tr|li|ul|ol|table|caption|summary|details|pre|section)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
