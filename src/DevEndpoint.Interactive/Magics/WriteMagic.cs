using DevEndpoint.Catalog;
using DevEndpoint.Commands;
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

    internal static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(
            WriteDescription.Command,
            (WriteDescription.CatalogTable, () => MagicSupport.CatalogNames(tables: true)),
            (WriteDescription.Connection, MagicSupport.ConnectionNames));
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
            var options = WriteOptions.FromText(
                command.To, command.Format, command.PartitionBy, command.Mode, command.Compression, command.Catalog, command.SchemaChange, command.Connection);
            var result = await writer.WriteAsync(frame, options, context.CancellationToken);
            MagicSupport.DisplayHtml(context, WriteViews.Summary(command.Variable, result));
        });
}
