using System.Globalization;
using DevEndpoint.Writing;

namespace DevEndpoint.Interactive.Views;

/// <summary>The HTML summary of a write, as <c>#!write</c> displays it.</summary>
internal static class WriteViews
{
    /// <summary>Files listed under a write; the rest are counted.</summary>
    public const int FilesShown = 20;

    public static string Summary(string variable, WriteResult result)
    {
        var html = new HtmlTable().Paragraph(result.Summary(variable));
        if (result.RemovedSummary is { } removed)
        {
            html.Paragraph(removed);
        }

        foreach (var warning in result.Warnings)
        {
            html.Paragraph("Warning: " + warning);
        }

        if (result.TableSummary() is { } table)
        {
            html.Paragraph(table);
            if (result.SchemaChangeLogged is { } logged)
            {
                html.Paragraph(logged);
            }
        }

        html.Table(["file"], result.Files.Take(FilesShown).Select(f => (IReadOnlyList<string>)[f]));
        if (result.Files.Count > FilesShown)
        {
            html.Paragraph($"and {Invariant(result.Files.Count - FilesShown)} more files.");
        }

        return html.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
