using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

/// <summary>What to crawl and where to record it.</summary>
public sealed record CrawlOptions
{
    /// <summary>The folder to crawl (Glue's include path).</summary>
    public required string Path { get; init; }

    /// <summary>The catalog database that receives the tables; created when missing.</summary>
    public required string Database { get; init; }

    /// <summary>Glob patterns, relative to <see cref="Path"/>, of files and folders to leave out.</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>How much of each file is read to classify it.</summary>
    public SampleOptions Sample { get; init; } = new();
}
