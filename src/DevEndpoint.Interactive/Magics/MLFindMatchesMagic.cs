using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!ml find-matches &lt;name&gt; --as &lt;variable&gt; [--one-per-entity] [--output &lt;file.csv&gt;]
/// [--incremental &lt;database&gt;.&lt;table&gt;|&lt;variable&gt; --existing &lt;variable&gt;] [--catalog &lt;file&gt;]</c>.
/// </summary>
public sealed class MLFindMatchesMagic : MLTransformMagic
{
    /// <summary>Rows shown under the matches.</summary>
    public const int PreviewRows = 10;

    public string As { get; set; } = string.Empty;

    public bool OnePerEntity { get; set; }

    public string? Output { get; set; }

    public string? Incremental { get; set; }

    public string? Existing { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) => FrameVariables.CheckName(As);

    internal static Task HandleAsync(MLFindMatchesMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            if ((command.Incremental is null) != (command.Existing is null))
            {
                throw MLErrors.IncrementalNeedsBoth("#!ml find-matches", "<variable>");
            }

            var transform = FindMatchesTransform.Open(MagicSupport.OpenCatalog(context, command.Catalog), command.Name);
            var summary = string.Empty;
            DataFrame matches;
            if (command.Incremental is { } incremental)
            {
                var existing = FrameVariables.Get(context, command.Existing!, "#!ml", $"Put earlier matches into it first (#!ml find-matches {command.Name} --as {command.Existing}).");
                var all = incremental.Contains('.', StringComparison.Ordinal)
                    ? await transform.FindIncrementalMatchesAsync(existing, incremental, context.CancellationToken)
                    : await transform.FindIncrementalMatchesAsync(existing, FrameVariables.Get(context, incremental, "#!ml", "Give the new records as a catalog table <database>.<table> or a DataFrame variable."), context.CancellationToken);
                summary = $"{MLText.IncrementalMatched(all, existing.Rows.Count)} ";
                matches = command.OnePerEntity ? transform.KeepOnePerEntity(all) : all;
                if (command.Output is { } file)
                {
                    FindMatchesTransform.WriteMatchesCsv(matches, Path.GetFullPath(file));
                }
            }
            else
            {
                matches = command.Output is { } output
                    ? await transform.WriteMatchesAsync(Path.GetFullPath(output), command.OnePerEntity, context.CancellationToken)
                    : await transform.FindMatchesAsync(command.OnePerEntity, context.CancellationToken);
            }

            await FrameVariables.SetAsync(context, command.As, matches, "#!ml");
            MagicSupport.DisplayHtml(context, MLViews.Message(summary + MLText.MatchesWritten(matches, command.Output is null ? $"the DataFrame {command.As}" : Path.GetFullPath(command.Output))));
            context.Display(matches.Head((int)Math.Min(PreviewRows, matches.Rows.Count)));
        });
}
