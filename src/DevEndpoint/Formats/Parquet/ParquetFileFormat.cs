using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Parquet;

/// <summary>Parquet: recognised by <see cref="ParquetClassifier"/>, its schema from the footer, read by <see cref="ParquetRowReader"/>.</summary>
internal sealed class ParquetFileFormat : IFileFormat
{
    public IReadOnlyList<string> Classifications { get; } = ["parquet"];

    public IReadOnlyList<IClassifier> Classifiers { get; } = [new ParquetClassifier()];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => classification == "parquet";

    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns) =>
        StorageFormats.Binary(StorageFormats.ParquetInputFormat, StorageFormats.ParquetOutputFormat, StorageFormats.ParquetSerDe, new() { ["serialization.format"] = "1" });

    public FormatReader Reader(CatalogTable table) => new ParquetRowReader();
}
