namespace DevEndpoint.Formats;

/// <summary>How much of a file the crawler reads to classify it and infer its schema.</summary>
public sealed record SampleOptions
{
    /// <summary>Decompressed bytes read from the start of a text file. Default 1 MiB.</summary>
    public int MaxBytes { get; init; } = 1 << 20;

    /// <summary>Records read from the start of a text file. Default 10,000.</summary>
    public int MaxRecords { get; init; } = 10_000;
}
