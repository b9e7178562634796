using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!connection add|list|test|remove</c>: manages the catalog's connections to databases and S3 endpoints; each subcommand
/// is its own command (<see cref="ConnectionAddMagic"/>, <see cref="ConnectionListMagic"/>, <see cref="ConnectionTestMagic"/>,
/// <see cref="ConnectionRemoveMagic"/>).
/// </summary>
internal static class ConnectionMagic
{
    public static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(ConnectionDescriptions.Group);
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ConnectionAddMagic>(kernel, ConnectionDescriptions.Add, ConnectionAddMagic.HandleAsync));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ConnectionListMagic>(kernel, ConnectionDescriptions.List, ConnectionListMagic.HandleAsync));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ConnectionTestMagic>(kernel, ConnectionDescriptions.Test, ConnectionTestMagic.HandleAsync, Name(ConnectionDescriptions.Test)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<ConnectionRemoveMagic>(kernel, ConnectionDescriptions.Remove, ConnectionRemoveMagic.HandleAsync, Name(ConnectionDescriptions.Remove)));
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!connection a subcommand: add, list, test or remove.");
            return Task.CompletedTask;
        });
    }

    public static void DisplayList(KernelInvocationContext context, DataCatalog catalog) =>
        MagicSupport.DisplayHtml(context, ConnectionViews.Connections(catalog.Path, catalog.GetConnections()));

    /// <summary>The connection names of the catalog as completions of the command's name.</summary>
    private static (OptionDescription, Func<IEnumerable<string>>) Name(CommandDescription command) => (command.Options[0], MagicSupport.ConnectionNames);
}
