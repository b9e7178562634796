using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Json;

/// <summary>JSON lines, arrays and documents: sniffed by <see cref="JsonClassifier"/>, read by <see cref="JsonRowReader"/>.</summary>
internal sealed class JsonFileFormat : IFileFormat
{
    public IReadOnlyList<string> Classifications { get; } = ["json"];

    public IReadOnlyList<IClassifier> Classifiers { get; } = [new JsonClassifier()];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => classification == "json";

    /// <summary>The OpenX JSON SerDe, with the table's columns as its <c>paths</c>.</summary>
    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns) =>
        StorageFormats.Text(StorageFormats.JsonSerDe, new() { ["paths"] = string.Join(",", columns.Select(c => c.Name)) });

    public FormatReader Reader(CatalogTable table) => new JsonRowReader();
}
