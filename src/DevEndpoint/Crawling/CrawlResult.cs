using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

/// <summary>What a crawl did: the tables it wrote and the files it could not use, with reasons.</summary>
public sealed record CrawlResult
{
    public required CrawlRun Run { get; init; }

    public required IReadOnlyList<CrawledTable> Tables { get; init; }

    public required IReadOnlyList<SkippedFile> SkippedFiles { get; init; }
}

/// <summary>One table a crawl wrote, and how.</summary>
public sealed record CrawledTable(string Name, TableChange Change, string Classification, int Columns, int Partitions, int PartitionsAdded, int Files, long RecordCount);

/// <summary>A file the crawl did not catalogue, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>One crawl, as kept in the catalog's crawl history.</summary>
public sealed record CrawlRun
{
    public required string RunId { get; init; }

    public required string DatabaseName { get; init; }

    public required string Location { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }

    public int FilesScanned { get; init; }

    public int FilesSkipped { get; init; }

    public int FilesExcluded { get; init; }

    public long BytesScanned { get; init; }

    public int TablesCreated { get; init; }

    public int TablesUpdated { get; init; }

    public int TablesUnchanged { get; init; }

    public int PartitionsAdded { get; init; }

    public TimeSpan Duration => EndTime - StartTime;
}
