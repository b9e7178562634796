using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

/// <summary>Crawl runs as rows of text, one shape for every front end (the CLI's text table, the notebook's HTML table).</summary>
internal static class CrawlRunTable
{
    /// <summary>How many skipped files a row names before it says how many more there are.</summary>
    public const int ErrorsShown = 5;

    public static IReadOnlyList<string> Header { get; } =
    [
        "run", "database", "location", "started", "seconds", "files listed", "files scanned", "skipped", "bytes read", "created", "updated",
        "unchanged", "deprecated", "deleted", "partitions added", "partitions removed", "skipped files",
    ];

    public static IReadOnlyList<string> Row(CrawlRun run) =>
    [
        run.RunId,
        run.DatabaseName,
        run.Location,
        run.StartTime.ToString("u", CultureInfo.InvariantCulture),
        run.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
        Invariant(run.FilesListed),
        Invariant(run.FilesScanned),
        Invariant(run.FilesSkipped),
        Invariant(run.BytesRead),
        Invariant(run.TablesCreated),
        Invariant(run.TablesUpdated),
        Invariant(run.TablesUnchanged),
        Invariant(run.TablesDeprecated),
        Invariant(run.TablesDeleted),
        Invariant(run.PartitionsAdded),
        Invariant(run.PartitionsDeleted),
        string.Join("; ", run.Errors.Take(ErrorsShown).Select(e => $"{e.Path}: {e.Reason}"))
            + (run.Errors.Count > ErrorsShown ? $"; and {run.Errors.Count - ErrorsShown} more" : string.Empty),
    ];

    /// <summary>
    /// For a crawl that read a sample of each folder's files, a sentence (with a leading space) saying how many were
    /// listed and how many read; empty for a crawl that read every file.
    /// </summary>
    public static string Sampling(CrawlRun run) =>
        run.SampleFiles is { } perFolder
            ? string.Create(CultureInfo.InvariantCulture, $" Files listed: {run.FilesListed}, sampled: {run.FilesScanned} (--sample-files {perFolder}: at most {perFolder} per folder, unless its files make several tables); files not sampled count in their tables but were not read.")
            : string.Empty;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
