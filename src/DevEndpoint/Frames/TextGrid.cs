using System.Text;

namespace DevEndpoint.Frames;

/// <summary>
/// Lays out a table as plain text: columns padded to their widest cell between <c>|</c> separators, a rule under the
/// header, the columns marked right aligned (numbers) padded on the left.
/// </summary>
internal static class TextGrid
{
    /// <summary>The lines of the table, each ending in a line feed.</summary>
    public static string Write(IReadOnlyList<string> header, IReadOnlyList<bool> right, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((name, i) => rows.Select(r => i < r.Count ? r[i].Length : 0).Prepend(name.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, header, widths, right);
        text.AppendJoin("-+-", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in rows)
        {
            Line(text, row, widths, right);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths, IReadOnlyList<bool> right)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : string.Empty;
            text.Append(i == 0 ? string.Empty : " | ").Append(i < right.Count && right[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        text.Append('\n');
    }
}
