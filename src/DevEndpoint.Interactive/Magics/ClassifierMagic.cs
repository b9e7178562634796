using DevEndpoint.Catalog;
using DevEndpoint.Commands;
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
        var directive = MagicDescriptions.Directive(ClassifierDescriptions.Group);
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ClassifierAddMagic>(kernel, ClassifierDescriptions.Add, ClassifierAddMagic.HandleAsync));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ClassifierListMagic>(kernel, ClassifierDescriptions.List, ClassifierListMagic.HandleAsync));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ClassifierRemoveMagic>(kernel, ClassifierDescriptions.Remove, ClassifierRemoveMagic.HandleAsync));
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!classifier a subcommand: add, list or remove.");
            return Task.CompletedTask;
        });
    }

    public static void DisplayList(KernelInvocationContext context, DataCatalog catalog) =>
        MagicSupport.DisplayHtml(context, ClassifierViews.Classifiers(catalog.Path, catalog.GetClassifiers()));
}
