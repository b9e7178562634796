using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Avro;

/// <summary>Avro container files: recognised by <see cref="AvroClassifier"/>, read by <see cref="AvroRowReader"/>.</summary>
internal sealed class AvroFileFormat : IFileFormat
{
    public IReadOnlyList<string> Classifications { get; } = ["avro"];

    public IReadOnlyList<IClassifier> Classifiers { get; } = [new AvroClassifier()];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => classification == "avro";

    /// <summary>Glue's AvroSerDe, with the table's columns as an Avro schema in <c>avro.schema.literal</c> (Hive reads the columns from it).</summary>
    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns) =>
        StorageFormats.Binary(
            StorageFormats.AvroInputFormat,
            StorageFormats.AvroOutputFormat,
            StorageFormats.AvroSerDe,
            new Dictionary<string, string> { [AvroSchemaLiteral.Parameter] = AvroSchemaLiteral.Of(columns) });

    public FormatReader Reader(CatalogTable table) => new AvroRowReader();
}
