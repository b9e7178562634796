using System.Net;
using System.Text;

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

    public HtmlTable Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var cell in header)
        {
            html.Append("<th>").Append(Encode(cell)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return this;
    }

    public HtmlTable Progress(int done, int total, string label)
    {
        var percent = total == 0 ? 100 : done * 100 / total;
        html.Append("<div><progress max=\"100\" value=\"").Append(percent).Append("\"></progress> ")
            .Append(Encode(label)).Append("</div>");
        return this;
    }

    public override string ToString() => html.ToString();
}
