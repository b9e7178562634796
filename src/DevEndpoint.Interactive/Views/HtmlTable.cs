using System.Net;
using System.Text;
using DevEndpoint.Frames;

namespace DevEndpoint.Interactive.Views;

/// <summary>Builds small, self-contained HTML fragments: a caption, a table, notes. Every text is encoded.</summary>
internal sealed class HtmlTable
{
    private readonly StringBuilder html = new();

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public HtmlTable Heading(string text)
    {
        html.Append("<div style=\"font-weight:bold;margin:4px 0\">").Append(Encode(text)).Append("</div>");
        return this;
    }

    public HtmlTable Paragraph(string text)
    {
        html.Append("<div style=\"margin:4px 0\">").Append(Encode(text)).Append("</div>");
        return this;
    }

    /// <summary>A table whose columns of numbers align right and the others left (notebooks align every cell right by default).</summary>
    public HtmlTable Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var right = header.Select((_, i) => all.Any(r => i < r.Count && r[i].Length > 0)
            && all.All(r => i >= r.Count || r[i].Length == 0 || CellText.LooksLikeNumber(r[i]))).ToArray();
        return Table(header, right, all);
    }

    /// <summary>A table whose columns align right where <paramref name="right"/> says so, left otherwise.</summary>
    public HtmlTable Table(IReadOnlyList<string> header, IReadOnlyList<bool> right, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><thead><tr>");
        for (var i = 0; i < header.Count; i++)
        {
            html.Append("<th").Append(Align(right, i)).Append('>').Append(Encode(header[i])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append("<td").Append(Align(right, i)).Append('>').Append(Encode(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return this;
    }

    /// <summary>A progress bar; while the total is not known yet (0), one that shows activity rather than a full bar.</summary>
    public HtmlTable Progress(int done, int total, string label)
    {
        html.Append("<div><progress max=\"100\"");
        if (total > 0)
        {
            html.Append(" value=\"").Append(done * 100 / total).Append('"');
        }

        html.Append("></progress> ").Append(Encode(label)).Append("</div>");
        return this;
    }

    public override string ToString() => html.ToString();

    private static string Align(IReadOnlyList<bool> right, int column) =>
        column < right.Count && right[column] ? " style=\"text-align:right\"" : " style=\"text-align:left\"";
}
