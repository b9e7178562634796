using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

/// <summary>What a crawl did: the tables it wrote, what its policies left or removed, and the files it could not use, with reasons.</summary>
public sealed record CrawlResult
{
    public required CrawlRun Run { get; init; }

    public required IReadOnlyList<CrawledTable> Tables { get; init; }

    public required IReadOnlyList<SkippedFile> SkippedFiles { get; init; }

    /// <summary>Changes the crawl found but, by its policies, only reported, and partitions it removed.</summary>
    public IReadOnlyList<CrawlNotice> Notices { get; init; } = [];
}

/// <summary>A change a crawl reports about one table.</summary>
public sealed record CrawlNotice(string Table, string Message);

/// <summary>One table a crawl wrote, and how.</summary>
public sealed record CrawledTable(string Name, TableChange Change, string Classification, int Columns, int Partitions, int PartitionsAdded, int Files, long RecordCount);
