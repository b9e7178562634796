namespace DevEndpoint.Formats.Avro;

/// <summary>Avro object container files, by their magic bytes: the schema comes from the header, the record count from the block headers.</summary>
internal sealed class AvroClassifier : IClassifier
{
    public string Name => "avro";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(file.Head.AsSpan().StartsWith(AvroContainer.Magic)
            ? Classification.Certain(AvroContainer.ReadSchema(file))
            : Classification.No);
}
