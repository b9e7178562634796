using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!ml create|labeling-set|import-labels|evaluate|find-matches|list|show|delete</c>: FindMatches transforms; each
/// subcommand is its own command, with the options of <c>devendpoint ml</c> (<see cref="MLOptions"/>).
/// </summary>
internal static class MLMagic
{
    public static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!ml", "Machine-learning transforms (Glue's FindMatches): label a few sets of records, then find the records of one entity.")
        {
            Subcommands =
            {
                MagicSupport.Subcommand<MLCreateMagic>(kernel, "create", "Create a FindMatches transform over a catalog table.", MLCreateMagic.Parameters(), MLCreateMagic.HandleAsync),
                MagicSupport.Subcommand<MLLabelingSetMagic>(kernel, "labeling-set", "Generate a labelling set into a DataFrame variable (and a CSV file) for you to fill in its label column.", MLLabelingSetMagic.Parameters(), MLLabelingSetMagic.HandleAsync),
                MagicSupport.Subcommand<MLImportLabelsMagic>(kernel, "import-labels", "Import labels from a DataFrame variable or a CSV file: records of one labelling set with the same label are one entity.", MLImportLabelsMagic.Parameters(), MLImportLabelsMagic.HandleAsync),
                MagicSupport.Subcommand<MLEvaluateMagic>(kernel, "evaluate", "Estimate the quality of find-matches from the labels (Glue's FindMatchesMetrics); trains only when the labels changed since the last evaluate.", NameParameters("The transform."), MLEvaluateMagic.HandleAsync),
                MagicSupport.Subcommand<MLFindMatchesMagic>(kernel, "find-matches", "Put the table's records with match_id (same id = same entity) into a DataFrame variable, or one record per entity.", MLFindMatchesMagic.Parameters(), MLFindMatchesMagic.HandleAsync),
                MagicSupport.Subcommand<MLListMagic>(kernel, "list", "List the ML transforms: status, source, labels and last F1.", [MagicSupport.CatalogParameter()], MLListMagic.HandleAsync),
                MagicSupport.Subcommand<MLShowMagic>(kernel, "show", "Show a transform: status, parameters, label count and last metrics.", NameParameters("The transform."), MLShowMagic.HandleAsync),
                MagicSupport.Subcommand<MLDeleteMagic>(kernel, "delete", "Delete a transform with its labels and model.", NameParameters("The transform to delete, with its labels and model."), MLDeleteMagic.HandleAsync),
            },
        };
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!ml a subcommand: create, labeling-set, import-labels, evaluate, find-matches, list, show or delete.");
            return Task.CompletedTask;
        });
    }

    /// <summary>The name parameter (with completions) and the catalog parameter.</summary>
    public static IEnumerable<KernelDirectiveParameter> NameParameters(string description) =>
    [
        NameParameter(description),
        MagicSupport.CatalogParameter(),
    ];

    public static KernelDirectiveParameter NameParameter(string description) =>
        new KernelDirectiveParameter("--name", description) { AllowImplicitName = true, Required = true }.AddCompletions(TransformNames);

    public static KernelDirectiveParameter Parameter(MLOption option, bool required = false, string? typeHint = null) => typeHint is null
        ? new(option.Name, option.Description) { Required = required }
        : new(option.Name, option.Description) { Required = required, TypeHint = typeHint };

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
