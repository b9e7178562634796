using DevEndpoint.Catalog;
using DevEndpoint.Formats.Avro;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Formats.Json;
using DevEndpoint.Formats.Logs;
using DevEndpoint.Formats.Orc;
using DevEndpoint.Formats.Parquet;
using DevEndpoint.Formats.Xml;

namespace DevEndpoint.Formats;

/// <summary>
/// The registry of file formats that the crawler (classifiers, storage descriptors) and the loader (readers) both go
/// through. A new format is a folder with its <see cref="IFileFormat"/> and one line here.
/// </summary>
internal static class FileFormats
{
    /// <summary>The formats, in the order their classifiers run (the text formats last, CSV the very last).</summary>
    public static IReadOnlyList<IFileFormat> All { get; } =
    [
        new AvroFileFormat(),
        new OrcFileFormat(),
        new ParquetFileFormat(),
        new JsonFileFormat(),
        new XmlFileFormat(),
        new LogFileFormat(),
        new CsvFileFormat(),
    ];

    /// <summary>The built-in classifiers of every format, in the order they run.</summary>
    public static IReadOnlyList<IClassifier> Classifiers { get; } = All.SelectMany(f => f.Classifiers).ToList();

    /// <summary>The formats a table records by a parameter (a grok pattern, a row tag), whatever its classification: asked first.</summary>
    private static readonly IFileFormat[] ByParameter = [.. All.OfType<LogFileFormat>(), .. All.OfType<XmlFileFormat>()];

    /// <summary>
    /// The format of files with this classification and these storage descriptor parameters: logs by the grok pattern
    /// and XML by the row tag they record (whatever a custom classifier named their classification), others by
    /// classification; <c>null</c> when none reads them.
    /// </summary>
    public static IFileFormat? Find(string? classification, IReadOnlyDictionary<string, string> parameters) =>
        ByParameter.Concat(All).FirstOrDefault(f => f.Reads(classification, parameters));

    /// <summary>The reader of a table's files; an unknown classification fails naming what can be loaded.</summary>
    public static FormatReader Reader(CatalogTable table)
    {
        var classification = table.Parameter("classification");
        return Find(classification, table.StorageDescriptor.Parameters) is { } format
            ? format.Reader(table)
            : throw new DevEndpointException(
                $"Table {table.DatabaseName}.{table.Name} is classified as '{classification ?? "nothing"}', which cannot be loaded yet. "
                + "Loadable: avro, csv, json, parquet, xml, the logs combined_apache, apache and linux_kernel, and the tables of custom grok and XML classifiers.");
    }

    /// <summary>
    /// A storage descriptor for the files a classifier described: formats and SerDe by their format (Parquet's when no
    /// format claims the classification), and the schema's own parameters (such as <c>jsonLayout</c>) as the
    /// descriptor's parameters.
    /// </summary>
    public static StorageDescriptor Describe(FileSchema schema, string location, IReadOnlyList<Column> columns) =>
        (Find(schema.Classification, schema.Parameters) ?? All.OfType<ParquetFileFormat>().Single()).Describe(schema, columns) with
        {
            Location = location,
            Columns = columns,
            Compressed = schema.Compression != Compression.None,
            Parameters = schema.Parameters,
        };
}
