namespace DevEndpoint.Formats.Json;

/// <summary>JSON lines: text whose first non-blank character opens an object, one object per line.</summary>
internal sealed class JsonClassifier : IClassifier
{
    public string Name => "json";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(JsonLinesSniffer.LooksLikeJson(file.Text)
            ? Classification.Certain(JsonLinesSniffer.Sniff(file.Text, file.Path, file.Compression, file.Options))
            : Classification.No);
}
