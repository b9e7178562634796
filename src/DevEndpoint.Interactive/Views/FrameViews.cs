using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Views;

/// <summary>A DataFrame's first rows as HTML, laid out by the same <see cref="FrameTable"/> the command line prints.</summary>
internal static class FrameViews
{
    /// <summary>Rows a DataFrame shows when a cell displays it.</summary>
    public const int RowsShown = 20;

    public static string Html(DataFrame frame, int maxRows = RowsShown)
    {
        var table = FrameTable.Of(frame, maxRows);
        return new HtmlTable().Table(table.Header, table.RightAligned, table.Rows).Paragraph(table.Caption).ToString();
    }

    public static string Text(DataFrame frame, int maxRows = RowsShown) => FrameTable.Of(frame, maxRows).ToText();
}
