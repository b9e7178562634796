using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Sources.Databases;

/// <summary>A database crawl's result as text, one shape for every front end (the CLI's text, the notebook's HTML).</summary>
internal static class DatabaseCrawlTable
{
    public static IReadOnlyList<string> Header { get; } = ["table", "change", "classification", "columns", "records (estimate)"];

    public static IReadOnlyList<string> Row(CrawledTable table) =>
        [table.Name, table.Change.ToString().ToLowerInvariant(), table.Classification, Invariant(table.Columns), Invariant(table.RecordCount)];

    /// <summary>The heading line: what was crawled into which database, how long it took, and the run id.</summary>
    public static string Heading(CrawlRun run) =>
        $"Crawled {run.Location} into database '{run.DatabaseName}' in {run.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s (run {run.RunId}).";

    /// <summary>The counts line: tables created, updated, unchanged, excluded, and those whose source vanished.</summary>
    public static string Counts(CrawlRun run) =>
        $"Tables: {run.TablesCreated} created, {run.TablesUpdated} updated, {run.TablesUnchanged} unchanged, {run.FilesExcluded} excluded."
        + (run.TablesDeprecated + run.TablesDeleted > 0 ? $" Vanished tables: {run.TablesDeprecated} deprecated, {run.TablesDeleted} deleted." : string.Empty);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
