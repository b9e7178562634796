using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of crawls, catalogs, tables and loads, as the magics display them.</summary>
internal static class CatalogViews
{
    public static string CrawlProgress(string path, CrawlProgress progress) =>
        new HtmlTable()
            .Progress(progress.FilesDone, progress.FilesTotal, $"Crawling {path}: {progress.FilesDone} of {progress.FilesTotal} files{(progress.CurrentFile is null ? string.Empty : $" ({progress.CurrentFile})")}")
            .ToString();

    public static string CrawlSummary(CrawlResult result)
    {
        var run = result.Run;
        var html = new HtmlTable()
            .Heading($"Crawled {run.Location} into database '{run.DatabaseName}' in {run.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")
            .Paragraph($"Tables: {run.TablesCreated} created, {run.TablesUpdated} updated, {run.TablesUnchanged} unchanged. Partitions added: {run.PartitionsAdded}. Files scanned: {run.FilesScanned}, skipped: {result.SkippedFiles.Count}, excluded: {run.FilesExcluded}.{CrawlRunTable.Sampling(run)} Run {run.RunId}.")
            .Table(
                ["table", "change", "classification", "columns", "partitions", "partitions added", "files", "records"],
                result.Tables.Select(t => new[]
                {
                    t.Name, t.Change.ToString().ToLowerInvariant(), t.Classification, Invariant(t.Columns), Invariant(t.Partitions), Invariant(t.PartitionsAdded), Invariant(t.Files), Invariant(t.RecordCount),
                }));
        if (run.TablesDeprecated + run.TablesDeleted + run.PartitionsDeleted > 0)
        {
            html.Paragraph($"Vanished tables: {run.TablesDeprecated} deprecated, {run.TablesDeleted} deleted. Vanished partitions removed: {run.PartitionsDeleted}.");
        }

        if (result.Notices.Count > 0)
        {
            html.Heading($"Reported changes ({result.Notices.Count})")
                .Table(["table", "change"], result.Notices.Select(n => new[] { n.Table, n.Message }));
        }

        if (result.SkippedFiles.Count > 0)
        {
            html.Heading($"Skipped files ({result.SkippedFiles.Count})")
                .Table(["file", "reason"], result.SkippedFiles.Select(s => new[] { s.Path, s.Reason }));
        }

        return html.ToString();
    }

    public static string CrawlRuns(IReadOnlyList<CrawlRun> runs) =>
        new HtmlTable()
            .Heading($"Crawl runs ({runs.Count}), newest first")
            .Table(CrawlRunTable.Header, runs.Select(CrawlRunTable.Row))
            .Paragraph(runs.Count == 0 ? "No crawl runs yet: crawl a folder with #!crawl <path> --database <name>." : "Crawl again with #!crawl to add a run.")
            .ToString();

    public static string Databases(DataCatalog catalog, IReadOnlyList<Database> databases) =>
        new HtmlTable()
            .Heading($"Databases in {catalog.Path}")
            .Table(
                ["database", "tables", "location", "created"],
                databases.Select(d => new[] { d.Name, Invariant(catalog.GetTables(d.Name).Count), d.LocationUri ?? string.Empty, d.CreateTime.ToString("u", CultureInfo.InvariantCulture) }))
            .Paragraph(databases.Count == 0 ? "No databases yet: crawl a folder with #!crawl <path> --database <name>." : "Show a database's tables with #!catalog <database>.")
            .ToString();

    public static string Tables(string database, IReadOnlyList<CatalogTable> tables) =>
        new HtmlTable()
            .Heading($"Tables in {database}")
            .Table(
                ["table", "classification", "columns", "partition keys", "records", "files", "size (bytes)", "version", "location"],
                tables.Select(t => new[]
                {
                    t.Name,
                    t.Parameter("classification") ?? string.Empty,
                    Invariant(t.StorageDescriptor.Columns.Count),
                    string.Join(", ", t.PartitionKeys.Select(k => k.Name)),
                    t.Parameter("recordCount") ?? string.Empty,
                    TableFiles.Summary(t),
                    t.Parameter("sizeKey") ?? string.Empty,
                    Invariant(t.VersionId),
                    t.StorageDescriptor.Location ?? string.Empty,
                }))
            .Paragraph($"Show a table's columns with #!catalog {database}.<table>.")
            .ToString();

    /// <summary>Partitions a table's view shows at once; <c>--page</c> shows the others.</summary>
    public const int PartitionsPerPage = 20;

    public static string Table(CatalogTable table, IReadOnlyList<Partition> partitions, int page = 1)
    {
        var html = new HtmlTable()
            .Heading($"{table.DatabaseName}.{table.Name}: {table.Parameter("classification")} at {table.StorageDescriptor.Location} (version {table.VersionId}, updated {table.UpdateTime.ToString("u", CultureInfo.InvariantCulture)})")
            .Table(
                ["column", "type", "partition key"],
                table.StorageDescriptor.Columns.Select(c => new[] { c.Name, c.DisplayType, string.Empty })
                    .Concat(table.PartitionKeys.Select(c => new[] { c.Name, c.Type, "yes" })));
        if (partitions.Count > 0)
        {
            var first = (page - 1) * PartitionsPerPage;
            var shown = partitions.Skip(first).Take(PartitionsPerPage).ToList();
            html.Heading($"Partitions ({partitions.Count})")
                .Table(
                    [.. table.PartitionKeys.Select(k => k.Name), "records", "files", "location"],
                    shown.Select(p => p.Values.Concat([
                        p.Parameters.GetValueOrDefault("recordCount") ?? string.Empty,
                        p.Parameters.GetValueOrDefault("objectCount") ?? string.Empty,
                        p.StorageDescriptor.Location ?? string.Empty]).ToList()));
            if (partitions.Count > PartitionsPerPage)
            {
                var next = first + shown.Count < partitions.Count
                    ? $"; #!catalog {table.DatabaseName}.{table.Name} --page {page + 1} shows the next {Math.Min(PartitionsPerPage, partitions.Count - first - shown.Count)}"
                    : string.Empty;
                html.Paragraph($"{partitions.Count} partitions, showing {first + 1} to {first + shown.Count}{next}.");
            }
        }

        return html.Heading("Parameters")
            .Table(["parameter", "value"], table.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value }))
            .ToString();
    }

    public static string LoadProgress(string table, LoadProgress progress) =>
        new HtmlTable()
            .Progress(progress.FilesRead, progress.Files, $"Loading {table}: {progress.FilesRead} of {progress.Files} files, {Invariant(progress.Rows)} rows")
            .ToString();

    /// <summary>What replaces a progress bar when the work failed (the cell's error says why).</summary>
    public static string Failed(string work) =>
        new HtmlTable().Paragraph($"{work} failed: see the error below.").ToString();

    /// <summary>Rows set aside that a load summary lists; the rest are in the error frame.</summary>
    public const int ErrorRowsShown = 10;

    public static string LoadSummary(string variable, LoadResult result, string? errorsVariable = null)
    {
        var frame = result.Frame;
        var partitions = result.Table.PartitionKeys.Count == 0
            ? string.Empty
            : $", {result.PartitionsRead} of {result.PartitionsTotal} partitions";
        var html = new HtmlTable()
            .Paragraph($"Loaded {result.Table.DatabaseName}.{result.Table.Name} into {variable}: {frame.Rows.Count} rows x {frame.Columns.Count} columns from {result.From}{partitions}, in {result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms.");
        if (result.BadRows == 0)
        {
            return html.ToString();
        }

        var kept = result.Errors.Rows.Count;
        var where = kept == 0 ? "dropped (--mode dropmalformed)"
            : errorsVariable is null ? "set aside; keep them in a variable with --errors-as <name>"
            : $"set aside in {errorsVariable}";
        html.Paragraph($"{Invariant(result.BadRows)} bad rows left out, {where}.");
        if (kept > 0)
        {
            html.Table(
                ["file", "line", "column", "value", "reason"],
                result.Errors.Rows.Take(ErrorRowsShown).Select(r => r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToList()));
        }

        return html.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
