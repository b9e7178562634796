namespace DevEndpoint.Formats.Csv;

/// <summary>Delimited text: the delimiter that splits the sample's records most consistently.</summary>
internal sealed class CsvClassifier : IClassifier
{
    public string Name => "csv";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(CsvSniffer.Sniff(file.Text, file.Path, file.Compression, file.Options) is { } schema
            ? Classification.Certain(schema)
            : Classification.No);
}
