using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml find-matches &lt;name&gt; --as &lt;variable&gt; [--one-per-entity] [--output &lt;file.csv&gt;] [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLFindMatchesMagic : KernelDirectiveCommand
{
    /// <summary>Rows shown under the matches.</summary>
    public const int PreviewRows = 10;

    public string Name { get; set; } = string.Empty;

    public string As { get; set; } = string.Empty;

    public bool OnePerEntity { get; set; }

    public string? Output { get; set; }

    public string? Catalog { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel)
    {
        if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(As))
        {
            yield return $"'{As}' is not a valid C# variable name for --as. Use letters, digits and underscores, starting with a letter.";
        }
    }

    internal static IEnumerable<KernelDirectiveParameter> Parameters() =>
    [
        MLMagic.NameParameter("The transform."),
        new("--as", "The name of the C# variable that receives the matches as a DataFrame (write it with #!write like any DataFrame).") { Required = true },
        new(MLOptions.OnePerEntity.Name, MLOptions.OnePerEntity.Description) { Flag = true },
        MLMagic.Parameter(MLOptions.MatchesOutput, typeHint: "file"),
        MagicSupport.CatalogParameter(),
    ];

    internal static Task HandleAsync(MLFindMatchesMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var transform = FindMatchesTransform.Open(DataCatalog.Open(command.Catalog), command.Name);
            var matches = command.Output is { } output
                ? await transform.WriteMatchesAsync(Path.GetFullPath(output), command.OnePerEntity, context.CancellationToken)
                : await transform.FindMatchesAsync(command.OnePerEntity, context.CancellationToken);
            await MLMagic.SetVariableAsync(context, command.As, matches);
            MagicSupport.DisplayHtml(context, MLViews.Message(MLText.MatchesWritten(matches, command.Output is null ? $"the DataFrame {command.As}" : Path.GetFullPath(command.Output))));
            context.Display(matches.Head((int)Math.Min(PreviewRows, matches.Rows.Count)));
        });
}
