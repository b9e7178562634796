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

/// <summary>A file (or, ending in <c>/</c>, a folder) the crawl did not catalogue, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>One crawl, as kept in the catalog's crawl history.</summary>
public sealed record CrawlRun
{
    public required string RunId { get; init; }

    public required string DatabaseName { get; init; }

    public required string Location { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }

    /// <summary>
    /// The most files read in each folder (<see cref="CrawlOptions.SampleFiles"/>); <c>null</c> when every file was read.
    /// </summary>
    public int? SampleFiles { get; init; }

    /// <summary>
    /// Files found under the include path, but for excluded, hidden, marker and empty files (with new folders only, the
    /// files of new folders); those not read (<see cref="CrawlOptions.SampleFiles"/>) count in their tables all the same.
    /// </summary>
    public int FilesListed { get; init; }

    /// <summary>Files the classifiers looked at: the files listed, or with a sample of files per folder, those sampled.</summary>
    public int FilesScanned { get; init; }

    /// <summary>Files whose format and schema were found (before grouping into tables).</summary>
    public int FilesClassified { get; init; }

    /// <summary>Files and folders skipped, including hidden and marker files.</summary>
    public int FilesSkipped { get; init; }

    public int FilesExcluded { get; init; }

    /// <summary>The total size of the files scanned.</summary>
    public long BytesScanned { get; init; }

    /// <summary>The bytes the classifiers read at most: of each file, its first bytes and its sample, never more than its size.</summary>
    public long BytesRead { get; init; }

    public int TablesCreated { get; init; }

    public int TablesUpdated { get; init; }

    public int TablesUnchanged { get; init; }

    public int TablesDeprecated { get; init; }

    public int TablesDeleted { get; init; }

    public int PartitionsAdded { get; init; }

    public int PartitionsDeleted { get; init; }

    /// <summary>Schema changes reported but not applied (schema change policy <see cref="SchemaChangePolicy.Log"/>).</summary>
    public int SchemaChangesLogged { get; init; }

    /// <summary>The files and folders skipped, with their reasons, but for hidden and marker files.</summary>
    public IReadOnlyList<SkippedFile> Errors { get; init; } = [];

    public TimeSpan Duration => EndTime - StartTime;
}
