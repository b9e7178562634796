using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Orc;

/// <summary>ORC: recognised and its schema read by <see cref="OrcClassifier"/>; its data cannot be loaded yet.</summary>
internal sealed class OrcFileFormat : IFileFormat
{
    public IReadOnlyList<string> Classifications { get; } = ["orc"];

    public IReadOnlyList<IClassifier> Classifiers { get; } = [new OrcClassifier()];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => classification == "orc";

    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns) =>
        StorageFormats.Binary(StorageFormats.OrcInputFormat, StorageFormats.OrcOutputFormat, StorageFormats.OrcSerDe);

    public FormatReader Reader(CatalogTable table) => throw new DevEndpointException(
        $"Table {table.DatabaseName}.{table.Name} is classified as 'orc', which cannot be loaded yet: DevEndpoint reads the schema of ORC files but not their data. "
        + "Convert the files to Parquet (for example with pyarrow: pyarrow.parquet.write_table(pyarrow.orc.read_table('f.orc'), 'f.parquet')), crawl the Parquet files and load that table.");
}
