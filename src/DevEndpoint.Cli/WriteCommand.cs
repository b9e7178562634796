using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Loading;
using DevEndpoint.Writing;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint write &lt;db&gt;.&lt;table&gt; --to &lt;path&gt; [--columns a,b] [--where &lt;predicate&gt;] [--format parquet|csv|json|delta]
/// [--partition-by a,b] [--mode ...] [--compression ...] [--catalog-table &lt;db&gt;.&lt;table&gt;] [--schema-change update|log]
/// [--connection &lt;name&gt;] [--catalog &lt;file&gt;] [--json]</c>: loads a catalog table as <c>load</c> does and writes it as <c>#!write</c> writes a frame.
/// </summary>
internal static class WriteCommand
{
    /// <summary>Files listed under a write; the rest are counted.</summary>
    private const int FilesShown = 20;

    public static Command Create(TextWriter output)
    {
        var table = CliDescriptions.Argument<string>(WriteDescription.Source);
        var columns = CliDescriptions.Option<string?>(WriteDescription.Columns);
        var where = CliDescriptions.Option<string?>(WriteDescription.Where);
        var to = CliDescriptions.Option<string>(WriteDescription.To);
        var format = CliDescriptions.Option<string?>(WriteDescription.Format);
        var partitionBy = CliDescriptions.Option<string?>(WriteDescription.PartitionBy);
        var mode = CliDescriptions.Option<string?>(WriteDescription.Mode);
        var compression = CliDescriptions.Option<string?>(WriteDescription.Compression);
        var catalogTable = CliDescriptions.Option<string?>(WriteDescription.CatalogTableCli);
        var schemaChange = CliDescriptions.Option<string?>(WriteDescription.SchemaChange);
        var connection = CliDescriptions.Option<string?>(WriteDescription.Connection);
        var catalog = CliDescriptions.Option<string?>(WriteDescription.CatalogFileCli);
        var json = CliDescriptions.Option<bool>(WriteDescription.Json);
        var command = CliDescriptions.Command(
            WriteDescription.Command, table, columns, where, to, format, partitionBy, mode, compression, catalogTable, schemaChange, connection, catalog, json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The options are read before the table is, so a wrong one fails at once.
            var options = WriteOptions.FromText(
                parse.GetValue(to)!, parse.GetValue(format), parse.GetValue(partitionBy), parse.GetValue(mode), parse.GetValue(compression),
                parse.GetValue(catalogTable), parse.GetValue(schemaChange), parse.GetValue(connection));
            _ = options.Codec();
            var store = DataCatalog.Open(parse.GetValue(catalog));
            var name = parse.GetValue(table)!;
            var load = new LoadOptions
            {
                Columns = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Where = parse.GetValue(where),
                Mode = BadRecordMode.FailFast,
            };
            var loaded = await new TableLoader(store).LoadAsync(name, load, cancellationToken);
            var result = await new FrameWriter(store).WriteAsync(loaded.Frame, options, cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CliJson.Serialize(new WriteResponse(Report(name, result))));
            }
            else
            {
                WriteText(output, name, result);
            }

            return 0;
        });
        return command;
    }

    private static WriteReport Report(string table, WriteResult result) => new(
        table,
        result.Path,
        result.Format.ToString().ToLowerInvariant(),
        result.Compression,
        WriteOptions.ModeName(result.Mode),
        result.Rows,
        result.Bytes,
        result.Files,
        result.Partitions,
        result.Removed,
        result.DeltaVersion,
        result.Table?.ToString(),
        result.TableChange?.ToString().ToLowerInvariant(),
        result.PartitionsAdded,
        result.PartitionsReplaced,
        result.PartitionsRemoved,
        result.SchemaChangeLogged,
        result.Warnings);

    private static void WriteText(TextWriter output, string table, WriteResult result)
    {
        output.WriteLine(result.Summary(table));
        foreach (var line in new[] { result.RemovedSummary, result.TableSummary(), result.SchemaChangeLogged }.Concat(result.Warnings.Select(w => "Warning: " + w)))
        {
            if (line is not null)
            {
                output.WriteLine(line);
            }
        }

        foreach (var file in result.Files.Take(FilesShown))
        {
            output.WriteLine("  " + file);
        }

        if (result.Files.Count > FilesShown)
        {
            output.WriteLine($"  and {result.Files.Count - FilesShown} more files.");
        }
    }
}
