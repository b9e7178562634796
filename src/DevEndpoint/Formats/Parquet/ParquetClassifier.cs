namespace DevEndpoint.Formats.Parquet;

/// <summary>Parquet, by its magic bytes (or its name): the schema and row count come from the footer.</summary>
internal sealed class ParquetClassifier : IClassifier
{
    public string Name => "parquet";

    public static bool Claims(string path, ReadOnlySpan<byte> head) =>
        head.StartsWith(ParquetSchemaReader.Magic) || path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    public async Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Claims(file.Path, file.Head)
            ? Classification.Certain(await ParquetSchemaReader.ReadAsync(file, cancellationToken))
            : Classification.No;
}
