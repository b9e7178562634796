using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Xml;

/// <summary>
/// XML whose records are the elements of a row tag: sniffed by <see cref="XmlClassifier"/> (a custom XML classifier
/// gives its own classification), known by the row tag it records, read by <see cref="XmlRowReader"/>.
/// </summary>
internal sealed class XmlFileFormat : IFileFormat
{
    public IReadOnlyList<string> Classifications { get; } = ["xml"];

    public IReadOnlyList<IClassifier> Classifiers { get; } = [new XmlClassifier()];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => parameters.ContainsKey(XmlClassifier.RowTagParameter);

    /// <summary>The IBM XML SerDe with the row tag and its start and end markup.</summary>
    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns)
    {
        var tag = schema.Parameters[XmlClassifier.RowTagParameter];
        return new StorageDescriptor
        {
            InputFormat = StorageFormats.XmlInputFormat,
            OutputFormat = StorageFormats.TextOutputFormat,
            SerdeInfo = new SerDeInfo
            {
                SerializationLibrary = StorageFormats.XmlSerDe,
                Parameters = new Dictionary<string, string> { [XmlClassifier.RowTagParameter] = tag, ["xmlinput.start"] = $"<{tag}", ["xmlinput.end"] = $"</{tag}>" },
            },
        };
    }

    public FormatReader Reader(CatalogTable table) => new XmlRowReader(table.StorageDescriptor.Parameters[XmlClassifier.RowTagParameter]);
}
