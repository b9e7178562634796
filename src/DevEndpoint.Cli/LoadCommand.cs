using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Loading;

namespace DevEndpoint.Cli;

internal static class LoadCommand
{
    public static Command Create(TextWriter output)
    {
        var name = new Argument<string>("table") { Description = "The table, as <database>.<table>." };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated columns to load (default: all)." };
        var where = new Option<string?>("--where") { Description = "A predicate over partition keys, e.g. \"year = '2024' AND month IN ('01','02')\"." };
        var limit = new Option<long?>("--limit") { Description = "Load at most this many rows." };
        var catalog = CliApp.CatalogOption();
        var command = new Command("load", "Load a table (or some of its partitions and columns) and print its first rows.") { name, columns, where, limit, catalog };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loader = new TableLoader(DataCatalog.Open(parse.GetValue(catalog)));
            var result = await loader.LoadAsync(
                parse.GetValue(name)!,
                new LoadOptions
                {
                    Columns = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                    Where = parse.GetValue(where),
                    Limit = parse.GetValue(limit),
                },
                cancellationToken);
            var frame = result.Frame;
            var partitions = result.Table.PartitionKeys.Count == 0 ? string.Empty : $", {result.PartitionsRead} of {result.PartitionsTotal} partitions";
            await output.WriteLineAsync(
                $"{frame.Rows.Count} rows, {frame.Columns.Count} columns from {result.FilesRead} files{partitions}, in {result.Elapsed.TotalMilliseconds:0} ms.");
            await output.WriteLineAsync(frame.Head((int)Math.Min(10, frame.Rows.Count)).ToString());
            return 0;
        });
        return command;
    }
}
