using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using Microsoft.DotNet.Interactive;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!ml create|labeling-set|import-labels|evaluate|find-matches|list|show|delete</c>: FindMatches transforms; each
/// subcommand is its own command, with the options it shares with <c>devendpoint ml</c> (<see cref="MLDescriptions"/>).
/// </summary>
internal static class MLMagic
{
    public static void Register(Kernel kernel)
    {
        (OptionDescription, Func<IEnumerable<string>>) Name(CommandDescription command) => (command.Options[0], TransformNames);

        var directive = MagicDescriptions.Directive(MLDescriptions.Group);
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLCreateMagic>(kernel, MLDescriptions.Create, MLCreateMagic.HandleAsync, (MLDescriptions.Source, () => MagicSupport.CatalogNames(tables: true))));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLLabelingSetMagic>(kernel, MLDescriptions.LabelingSet, MLLabelingSetMagic.HandleAsync, Name(MLDescriptions.LabelingSet)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLImportLabelsMagic>(kernel, MLDescriptions.ImportLabels, MLImportLabelsMagic.HandleAsync, Name(MLDescriptions.ImportLabels)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLEvaluateMagic>(kernel, MLDescriptions.Evaluate, MLEvaluateMagic.HandleAsync, Name(MLDescriptions.Evaluate)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLFindMatchesMagic>(kernel, MLDescriptions.FindMatches, MLFindMatchesMagic.HandleAsync, Name(MLDescriptions.FindMatches)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLListMagic>(kernel, MLDescriptions.List, MLListMagic.HandleAsync));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLShowMagic>(kernel, MLDescriptions.Show, MLShowMagic.HandleAsync, Name(MLDescriptions.Show)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<MLDeleteMagic>(kernel, MLDescriptions.Delete, MLDeleteMagic.HandleAsync, Name(MLDescriptions.Delete)));
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!ml a subcommand: create, labeling-set, import-labels, evaluate, find-matches, list, show or delete.");
            return Task.CompletedTask;
        });
    }

    /// <summary>Transform names of the default catalog, for completions.</summary>
    private static IEnumerable<string> TransformNames()
    {
        try
        {
            return File.Exists(DataCatalog.DefaultPath) ? DataCatalog.Open().GetMLTransforms().Select(t => t.Name).ToList() : [];
        }
        catch (DevEndpointException)
        {
            return [];
        }
    }
}
