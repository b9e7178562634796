using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Loading;

namespace DevEndpoint.Cli;

internal static partial class LoadCommand
{
    public static Command Create(TextWriter output)
    {
        var name = new Argument<string>("table") { Description = "The table, as <database>.<table>." };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated columns to load (default: all)." };
        var where = new Option<string?>("--where") { Description = "A predicate over any columns: terms on partition keys prune partitions before any file is read, the rest filters the rows (for a database table, run by the database with parameters): =, <>, <, >, <=, >=, AND, OR, NOT, IN, BETWEEN, LIKE, IS NULL; e.g. \"season = '2324' AND FTHG > 2\"." };
        var limit = new Option<long?>("--limit") { Description = "Load at most this many rows." };
        var sample = new Option<double?>("--sample")
        {
            Description = "Keep each row with this probability (0 < fraction <= 1), the same rows on every load.",
            CustomParser = Fraction,
        };
        var sampleRows = new Option<long?>("--sample-rows")
        {
            Description = "Keep about this many rows, spread over the whole table, the same rows on every load.",
            CustomParser = result => Count(result, "--sample-rows", minimum: 1),
        };
        var mode = new Option<BadRecordMode?>("--mode")
        {
            Description = "What happens to a row with a value that does not fit its column: permissive (default; it goes to the error rows), failfast (the load stops at it) or dropmalformed (it is left out).",
            CustomParser = result => Choice<BadRecordMode>(result, "--mode"),
        };
        var errorThreshold = new Option<long?>("--error-threshold")
        {
            Description = "The most bad rows a permissive or dropmalformed load accepts before it fails (default: no limit).",
            CustomParser = result => Count(result, "--error-threshold", minimum: 0),
        };
        var strings = new Option<StringStorage?>("--strings")
        {
            Description = "How string columns are held: auto (default: repeated values as shared .NET strings, values that rarely repeat as UTF-8 bytes), dotnet (.NET strings) or utf8 (UTF-8 bytes, about half the memory for long text).",
            CustomParser = result => Choice<StringStorage>(result, "--strings"),
        };
        var summary = new Option<bool>("--summary")
        {
            Description = "Print one JSON object instead of rows: rows, per column name, type, nulls, sum (numbers) or utf8Bytes (strings), and badRows, elapsedMs, peakWorkingSetBytes.",
        };
        var bookmark = new Option<string?>("--bookmark")
        {
            Description = "A job's bookmark: read only the files its committed runs did not process (new, or changed in size or time); they join its pending run, which devendpoint bookmark commit <job> makes processed.",
        };
        var hashField = new Option<string?>("--hash-field") { Description = "Database tables: a numeric column whose range is split into --hash-partitions reads run at once (Glue's hashfield)." };
        var hashPartitions = new Option<long?>("--hash-partitions")
        {
            Description = "Database tables: how many reads --hash-field splits the load into (default 7).",
            CustomParser = result => Count(result, "--hash-partitions", minimum: 1),
        };
        var bookmarkKey = new Option<string?>("--bookmark-key") { Description = "Database tables: a column whose values only grow; load only the rows past the last load's largest value, then keep the new largest in the catalog." };
        var catalog = CliApp.CatalogOption();
        var command = new Command("load", "Load a table (or some of its partitions and columns) and print its first rows, or a summary to check it against another engine.")
        {
            name, columns, where, limit, sample, sampleRows, mode, errorThreshold, strings, bookmark, summary, hashField, hashPartitions, bookmarkKey, catalog,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            _ = CatalogJson.WarmUpAsync();
            var loader = new TableLoader(DataCatalog.Open(parse.GetValue(catalog)));
            var options = new LoadOptions
            {
                Columns = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Where = parse.GetValue(where),
                Limit = parse.GetValue(limit),
                SampleFraction = parse.GetValue(sample),
                SampleRows = parse.GetValue(sampleRows),
                Mode = parse.GetValue(mode) ?? BadRecordMode.Permissive,
                ErrorThreshold = parse.GetValue(errorThreshold),
                Strings = parse.GetValue(strings) ?? StringStorage.Auto,
                Bookmark = parse.GetValue(bookmark),
                HashField = parse.GetValue(hashField),
                HashPartitions = (int?)parse.GetValue(hashPartitions),
                BookmarkKey = parse.GetValue(bookmarkKey),
            };
            var result = await loader.LoadAsync(parse.GetValue(name)!, options, cancellationToken);
            if (parse.GetValue(summary))
            {
                await WriteSummaryAsync(output, result);
            }
            else
            {
                await WriteRowsAsync(output, result, options.Mode);
            }

            return 0;
        });
        return command;
    }
}
