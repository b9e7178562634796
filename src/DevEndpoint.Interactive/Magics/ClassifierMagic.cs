using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!classifier add|list|remove</c>: manages the catalog's custom classifiers; each subcommand is its own command
/// (<see cref="ClassifierAddMagic"/>, <see cref="ClassifierListMagic"/>, <see cref="ClassifierRemoveMagic"/>).
/// </summary>
internal static class ClassifierMagic
{
    public static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!classifier", "Manage custom classifiers (grok, CSV, JSON path, XML row tag) that #!crawl --classifier runs before the built-in ones.")
        {
            Subcommands =
            {
                MagicSupport.Subcommand<ClassifierAddMagic>(kernel, "add", "Add a custom classifier to the catalog.", ClassifierAddMagic.Parameters(), ClassifierAddMagic.HandleAsync),
                MagicSupport.Subcommand<ClassifierListMagic>(kernel, "list", "List the custom classifiers.", [MagicSupport.CatalogParameter()], ClassifierListMagic.HandleAsync),
                MagicSupport.Subcommand<ClassifierRemoveMagic>(kernel, "remove", "Remove a custom classifier from the catalog.", ClassifierRemoveMagic.Parameters(), ClassifierRemoveMagic.HandleAsync),
            },
        };
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!classifier a subcommand: add, list or remove.");
            return Task.CompletedTask;
        });
    }

    public static void DisplayList(KernelInvocationContext context, DataCatalog catalog) =>
        MagicSupport.DisplayHtml(context, ClassifierViews.Classifiers(catalog.Path, catalog.GetClassifiers()));
}
