namespace DevEndpoint.Catalog;

/// <summary>One crawl, as kept in the catalog's crawl history.</summary>
public sealed record CrawlRun
{
    public required string RunId { get; init; }

    public required string DatabaseName { get; init; }

    public required string Location { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }

    /// <summary>
    /// The most files read in each folder (the crawl's <c>SampleFiles</c>); <c>null</c> when every file was read.
    /// </summary>
    public int? SampleFiles { get; init; }

    /// <summary>
    /// Files found under the include path, but for excluded, hidden, marker and empty files (with new folders only, the
    /// files of new folders); those not read (the crawl's <c>SampleFiles</c>) count in their tables all the same.
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

    /// <summary>Schema changes reported but not applied (schema change policy <c>Log</c>).</summary>
    public int SchemaChangesLogged { get; init; }

    /// <summary>The files and folders skipped, with their reasons, but for hidden and marker files.</summary>
    public IReadOnlyList<SkippedFile> Errors { get; init; } = [];

    public TimeSpan Duration => EndTime - StartTime;
}

/// <summary>A file (or, ending in <c>/</c>, a folder) the crawl did not catalogue, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
