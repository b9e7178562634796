using System.Globalization;

namespace DevEndpoint.Formats;

/// <summary>How much of a file the crawler reads to classify it and infer its schema.</summary>
public sealed record SampleOptions
{
    /// <summary>The smallest sample a crawl takes: enough for a header, a few records and a format's magic bytes.</summary>
    public const int MinimumBytes = 4096;

    /// <summary>Decompressed bytes read from the start of a text file. Default 1 MiB.</summary>
    public int MaxBytes { get; init; } = 1 << 20;

    /// <summary>Records read from the start of a text file. Default 10,000.</summary>
    public int MaxRecords { get; init; } = 10_000;

    /// <summary>The defaults with the sizes a user gave, checked: <c>--sample-bytes</c> and <c>--sample-rows</c>.</summary>
    public static SampleOptions Create(long? maxBytes, long? maxRecords)
    {
        var defaults = new SampleOptions();
        if (maxBytes is < MinimumBytes or > int.MaxValue)
        {
            throw new DevEndpointException(string.Create(
                CultureInfo.InvariantCulture,
                $"--sample-bytes must be between {MinimumBytes} and {int.MaxValue}; got {maxBytes}. The default, {defaults.MaxBytes}, reads the first MiB of each file."));
        }

        if (maxRecords is < 2 or > int.MaxValue)
        {
            throw new DevEndpointException(string.Create(
                CultureInfo.InvariantCulture,
                $"--sample-rows must be between 2 and {int.MaxValue}; got {maxRecords}. The default, {defaults.MaxRecords}, reads the first 10,000 records of each file."));
        }

        return new SampleOptions
        {
            MaxBytes = (int)(maxBytes ?? defaults.MaxBytes),
            MaxRecords = (int)(maxRecords ?? defaults.MaxRecords),
        };
    }
}
