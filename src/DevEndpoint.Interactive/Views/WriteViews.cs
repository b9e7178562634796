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
        var format = result.Format.ToString().ToLowerInvariant();
        var partitions = result.Partitions.Count == 0 ? string.Empty : $" in {Invariant(result.Partitions.Count)} partitions";
        var html = new HtmlTable().Paragraph(
            $"Wrote {variable} ({Invariant(result.Rows)} rows) to {result.Path} as {format} ({result.Compression} compression, mode {WriteOptions.ModeName(result.Mode)}): "
            + $"{Invariant(result.Files.Count)} files, {Invariant(result.Bytes)} bytes{partitions}."
            + (result.DeltaVersion is { } version ? $" Committed version {Invariant(version)} of the Delta table." : string.Empty));
        if (result.RemovedSummary is { } removed)
        {
            html.Paragraph(removed);
        }

        foreach (var warning in result.Warnings)
        {
            html.Paragraph("Warning: " + warning);
        }

        if (result.Table is { } table)
        {
            var replaced = result.PartitionsReplaced == 0 ? string.Empty : $", {Invariant(result.PartitionsReplaced)} replaced";
            var deleted = result.PartitionsRemoved == 0 ? string.Empty : $", {Invariant(result.PartitionsRemoved)} removed";
            html.Paragraph($"Catalog table {table}: {result.TableChange?.ToString().ToLowerInvariant()}, {Invariant(result.PartitionsAdded)} partitions added{replaced}{deleted}.");
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
