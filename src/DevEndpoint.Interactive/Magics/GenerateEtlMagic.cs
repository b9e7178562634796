using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Jobs;
using DevEndpoint.Writing;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!generate-etl --source &lt;db&gt;.&lt;table&gt; --target &lt;path&gt; [--format parquet|csv|json] [--partition-by a,b]
/// [--mode append|overwrite|overwrite-table] [--job &lt;name&gt;] [--target-table &lt;db&gt;.&lt;table&gt;] [--script-file &lt;file&gt;] [--catalog &lt;file&gt;]</c>: a starter ETL
/// job as a C# cell. A frontend that takes <see cref="SendEditableCode"/> (Polyglot Notebooks, whose <c>vscode</c> kernel
/// lists it among its supported commands) gets it as a new cell under this one; elsewhere (Jupyter) it is shown as code
/// and written to a <c>.cs</c> file.
/// </summary>
public sealed class GenerateEtlMagic : KernelDirectiveCommand
{
    public string Source { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public string? Format { get; set; }

    public string? PartitionBy { get; set; }

    public string? Mode { get; set; }

    public string? Job { get; set; }

    public string? TargetTable { get; set; }

    public string? ScriptFile { get; set; }

    public string? Catalog { get; set; }

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!generate-etl", "Generate a runnable C# ETL job for a catalog table: load with a job bookmark, ApplyMapping of every column with its type, write with a catalog update, commit the bookmark.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--source", "The catalog table to read, as <database>.<table>.") { AllowImplicitName = true, Required = true }
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: true)),
                new KernelDirectiveParameter("--target", "The folder the job writes into.") { Required = true, TypeHint = "file" },
                new KernelDirectiveParameter("--format", "parquet (default), csv, json (JSON lines) or delta (a Delta Lake table).").AddCompletions(() => ["parquet", "csv", "json", "delta"]),
                new KernelDirectiveParameter("--partition-by", "Comma-separated target columns that make key=value folders (default: the source's partition keys)."),
                new KernelDirectiveParameter("--mode", "How the job writes: append (default: a job bookmark makes each run read only new or changed files, and their rows are appended; deletes nothing), "
                    + "overwrite (each run reads the whole source and replaces only the target partitions it writes, keeping the others) "
                    + "or overwrite-table (each run reads the whole source and replaces every file and partition of the target).")
                    .AddCompletions(() => ["append", "overwrite", "overwrite-table"]),
                new KernelDirectiveParameter("--job", "The job whose bookmark the script follows (default: <target database>_<target table>)."),
                new KernelDirectiveParameter("--target-table", "The catalog table the job creates and updates, as <database>.<table> (default: the source's database, a table named after the target folder).")
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: true)),
                new KernelDirectiveParameter("--script-file", "Where Jupyter and other frontends that cannot insert a cell get the script (default: <job>.cs in the current folder).") { TypeHint = "file" },
                MagicSupport.CatalogParameter(),
            },
        };
        kernel.AddDirective<GenerateEtlMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(GenerateEtlMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            // In an endpoint's cell the source comes from the endpoint's catalog, and the new cell runs in the endpoint.
            var endpoint = context.HandlingKernel as EndpointKernel;
            var script = EtlScript.Generate(new EtlScriptOptions
            {
                Source = command.Source,
                Target = command.Target,
                Format = command.Format is null ? WriteFormat.Parquet : WriteOptions.ParseFormat(command.Format),
                PartitionBy = command.PartitionBy?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Mode = command.Mode is null ? WriteMode.Append : WriteOptions.ParseMode(command.Mode),
                Job = command.Job,
                TargetTable = command.TargetTable,
                CatalogPath = command.Catalog ?? endpoint?.Definition.Catalog,
            });
            var root = context.HandlingKernel.RootKernel;
            if (Frontend(root) is { } frontend)
            {
                var inserted = await root.SendAsync(new SendEditableCode(endpoint?.Name ?? "csharp", script.Code, frontend.Name), context.CancellationToken);
                if (!inserted.Events.OfType<CommandFailed>().Any())
                {
                    MagicSupport.DisplayHtml(context, JobViews.Inserted(script));
                    return;
                }
            }

            var path = script.Save(command.ScriptFile ?? $"{script.Job}.cs");
            MagicSupport.DisplayHtml(context, JobViews.Written(script, path));
        });

    /// <summary>The frontend kernel that inserts cells: the one that lists <see cref="SendEditableCode"/> among its supported commands.</summary>
    private static Kernel? Frontend(Kernel root) =>
        (root as CompositeKernel)?.ChildKernels.FirstOrDefault(k => k.KernelInfo.SupportedKernelCommands.Any(c => c.Name == nameof(SendEditableCode)));
}
