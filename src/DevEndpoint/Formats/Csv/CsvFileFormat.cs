using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Csv;

/// <summary>Delimited text: sniffed by <see cref="CsvSniffer"/>, described by its dialect, read by <see cref="CsvRowReader"/>.</summary>
internal sealed class CsvFileFormat : IFileFormat
{
    public IReadOnlyList<string> Classifications { get; } = ["csv"];

    public IReadOnlyList<IClassifier> Classifiers { get; } = [new CsvClassifier()];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => classification == "csv";

    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns) => new()
    {
        InputFormat = StorageFormats.TextInputFormat,
        OutputFormat = StorageFormats.TextOutputFormat,
        SerdeInfo = CsvParameters.SerDe(schema.Csv),
    };

    public FormatReader Reader(CatalogTable table) => new CsvRowReader();
}
