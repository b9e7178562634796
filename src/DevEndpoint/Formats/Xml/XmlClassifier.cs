using System.Xml;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Xml;

/// <summary>
/// XML whose root element holds repeated row elements: the row tag is the child element of the root that repeats most
/// (a root with one child takes it). Columns come from the rows' attributes and child elements, their types inferred as
/// for text; nested elements make structs and repeated ones arrays. Text that opens like XML but is not well formed is a
/// bad file with its reason.
/// </summary>
internal sealed class XmlClassifier : IClassifier
{
    public const string RowTagParameter = "rowTag";

    public string Name => "xml";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(Classify(file, "xml", null));

    /// <summary>The file's rows under <paramref name="rowTag"/> (or the detected row tag), classified as <paramref name="classification"/>.</summary>
    public static Classification Classify(FileProbe file, string classification, string? rowTag)
    {
        var sample = file.Text;
        if (!sample.Text.TrimStart().StartsWith('<'))
        {
            return Classification.No;
        }

        XmlSample rows;
        try
        {
            rows = XmlSample.Read(sample.Text, sample.Complete, file.Options.MaxRecords, rowTag);
        }
        catch (XmlException e)
        {
            throw new BadFileException(file.Path, $"line {e.LineNumber}, column {e.LinePosition}: not well-formed XML ({e.Message.Split(". Line ")[0].TrimEnd('.')}). Fix the file, or leave it out with --exclude.", e);
        }

        if (rows.Tag is null)
        {
            return Classification.No;
        }

        return Classification.Certain(new FileSchema
        {
            Classification = classification,
            Compression = file.Compression,
            Columns = rows.Fields.Select(f => f.Value.ToColumn(f.Key)).ToList(),
            RecordCount = sample.EstimateRecords(rows.Count),
            AverageRecordSize = rows.Count == 0 ? 0 : sample.StoredBytesRead / rows.Count,
            SizeBytes = sample.FileSize,
            Parameters = new Dictionary<string, string> { [RowTagParameter] = rows.Tag },
        });
    }
}
