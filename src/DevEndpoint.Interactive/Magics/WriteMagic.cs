using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!write &lt;variable&gt; --to &lt;path&gt; [--format parquet|csv|json|delta] [--partition-by a,b] [--mode overwrite|overwrite-table|append|error-if-exists]
/// [--compression snappy|gzip|zstd|none] [--catalog &lt;db&gt;.&lt;table&gt;] [--schema-change update|log] [--connection &lt;name&gt;] [--catalog-file &lt;file&gt;]</c>.
/// </summary>
public sealed class WriteMagic : KernelDirectiveCommand
{
    public string Variable { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string? Format { get; set; }

    public string? PartitionBy { get; set; }

    public string? Mode { get; set; }

    public string? Compression { get; set; }

    public string? Catalog { get; set; }

    public string? SchemaChange { get; set; }

    public string? Connection { get; set; }

    public string? CatalogFile { get; set; }

    /// <summary>What each mode deletes, as <c>--mode</c>'s help says it.</summary>
    internal const string WriteModeHelp =
        "What to do when the folder holds files, and what each deletes: error-if-exists (default: refuse; deletes nothing), "
        + "append (add files beside them; deletes nothing), "
        + "overwrite (replace only the partitions the frame holds rows for: their earlier files and catalog partitions are replaced, every other partition is kept; "
        + "without --partition-by, replace the folder's files), "
        + "or overwrite-table (delete every file and partition in the folder and every partition of the --catalog table, written or not, then write). "
        + "Overwrites delete only once the new files are all written, and the summary lists each partition replaced with its file count. "
        + "With --format delta each write is a commit: an overwrite's commit removes the files it replaces from the table without deleting them (earlier versions stay readable with #!load --version).";

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!write", "Write a DataFrame variable as Parquet, CSV or JSON lines files or a Delta Lake table, Hive-partitioned, atomically, and optionally create or update its catalog table.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--variable", "The C# variable that holds the Microsoft.Data.Analysis.DataFrame to write.") { AllowImplicitName = true, Required = true },
                new KernelDirectiveParameter("--to", "The folder to write into (created when missing), or s3://bucket/prefix with --connection.") { Required = true, TypeHint = "file" },
                new KernelDirectiveParameter("--format", "parquet (default), csv (header line, quoted where needed), json (JSON lines) or delta (a Delta Lake table: Parquet files and a commit in _delta_log/).")
                    .AddCompletions(() => ["parquet", "csv", "json", "delta"]),
                new KernelDirectiveParameter("--partition-by", "Comma-separated columns whose values make key=value folders, in this order; they are left out of the files."),
                new KernelDirectiveParameter("--mode", WriteModeHelp)
                    .AddCompletions(() => ["error-if-exists", "overwrite", "overwrite-table", "append"]),
                new KernelDirectiveParameter("--compression", "snappy (Parquet's default), gzip or zstd for Parquet; gzip or none (default) for csv and json.")
                    .AddCompletions(() => ["snappy", "gzip", "zstd", "none"]),
                new KernelDirectiveParameter("--catalog", "The catalog table to create or update with what was written, as <database>.<table>: columns, partitions, and the schema widened on append.")
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: true)),
                new KernelDirectiveParameter("--schema-change", "When the write changes the catalog table's columns: update (default: store the new schema, widened on append) or log (keep the table as it was and report the change; partitions are still added).")
                    .AddCompletions(() => ["update", "log"]),
                new KernelDirectiveParameter("--connection", "For an s3:// --to: the catalog's s3 connection to write through (files are written locally, then uploaded; big ones in parts).")
                    .AddCompletions(MagicSupport.ConnectionNames),
                new KernelDirectiveParameter("--catalog-file", $"The catalog file (default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).") { TypeHint = "file" },
            },
        };
        kernel.AddDirective<WriteMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(WriteMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            // In an endpoint's cell the frame comes from the endpoint's session and the table goes to its catalog.
            var endpoint = context.HandlingKernel as EndpointKernel;
            object? value = null;
            if (endpoint is not null)
            {
                value = endpoint.GetValue(command.Variable);
            }
            else if (context.HandlingKernel.RootKernel.FindKernelByName("csharp") is CSharpKernel csharp)
            {
                csharp.TryGetValue(command.Variable, out value);
            }
            else
            {
                throw new DevEndpointException("#!write reads its DataFrame from the C# kernel ('csharp'), and this notebook has none.");
            }

            if (value is not DataFrame frame)
            {
                throw new DevEndpointException(value is null
                    ? $"There is no C# variable '{command.Variable}'. Load or build a DataFrame into it first (#!load <db>.<table> --as {command.Variable})."
                    : $"The C# variable '{command.Variable}' is of type {value.GetType().Name}, not Microsoft.Data.Analysis.DataFrame.");
            }

            var writer = new FrameWriter(command.Catalog is null && command.Connection is null ? null : DataCatalog.Open(command.CatalogFile ?? endpoint?.Definition.Catalog));
            var result = await writer.WriteAsync(
                frame,
                new WriteOptions
                {
                    Path = command.To,
                    Connection = command.Connection,
                    Format = command.Format is null ? WriteFormat.Parquet : WriteOptions.ParseFormat(command.Format),
                    PartitionBy = command.PartitionBy?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
                    Mode = command.Mode is null ? WriteMode.ErrorIfExists : WriteOptions.ParseMode(command.Mode),
                    Compression = command.Compression,
                    CatalogTable = command.Catalog,
                    SchemaChange = command.SchemaChange is null ? SchemaChangePolicy.Update : CrawlPolicies.ParseSchemaChange(command.SchemaChange),
                },
                context.CancellationToken);
            MagicSupport.DisplayHtml(context, WriteViews.Summary(command.Variable, result));
        });
}
