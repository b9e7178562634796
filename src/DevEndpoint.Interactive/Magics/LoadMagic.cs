using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!load &lt;db&gt;.&lt;table&gt; --as &lt;variable&gt; [--columns a,b] [--where "&lt;predicate&gt;"] [--limit n]</c>.</summary>
public sealed class LoadMagic : KernelDirectiveCommand
{
    /// <summary>Rows shown under a load.</summary>
    public const int PreviewRows = 10;

    public string Table { get; set; } = string.Empty;

    public string As { get; set; } = string.Empty;

    public string? Columns { get; set; }

    public string? Where { get; set; }

    public long? Limit { get; set; }

    public string? Catalog { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(As))
        {
            yield return $"'{As}' is not a valid C# variable name for --as. Use letters, digits and underscores, starting with a letter.";
        }
    }

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!load", "Load a catalog table into a Microsoft.Data.Analysis.DataFrame variable, pruning partitions by a predicate and keeping only the columns asked for.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--table", "The table, as <database>.<table>.") { AllowImplicitName = true, Required = true }
                    .AddCompletions(() => MagicSupport.CatalogNames(tables: true)),
                new KernelDirectiveParameter("--as", "The name of the C# variable that receives the DataFrame.") { Required = true },
                new KernelDirectiveParameter("--columns", "Comma-separated columns to load, in this order (default: all, partition keys last)."),
                new KernelDirectiveParameter("--where", "A predicate over partition keys: =, <>, <, >, <=, >=, AND, OR, NOT, IN, BETWEEN, LIKE, IS NULL; e.g. \"year = '2024' AND month IN ('01','02')\"."),
                new KernelDirectiveParameter("--limit", "Load at most this many rows.") { TypeHint = "number" },
                MagicSupport.CatalogParameter(),
            },
        };
        kernel.AddDirective<LoadMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(LoadMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var loader = new TableLoader(DataCatalog.Open(command.Catalog));
            var result = await loader.LoadAsync(
                command.Table,
                new LoadOptions
                {
                    Columns = command.Columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                    Where = command.Where,
                    Limit = command.Limit,
                },
                context.CancellationToken);

            var csharp = context.HandlingKernel.RootKernel.FindKernelByName("csharp") as CSharpKernel
                ?? throw new DevEndpointException("#!load needs the C# kernel ('csharp') to hold its variable, and this notebook has none.");
            await csharp.SetValueAsync(command.As, result.Frame, typeof(DataFrame));
            MagicSupport.DisplayHtml(context, CatalogViews.LoadSummary(command.As, result));
            context.Display(result.Frame.Head((int)Math.Min(PreviewRows, result.Frame.Rows.Count)));
        });
}
