using DevEndpoint.Catalog;
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
        var directive = new KernelActionDirective("#!connection", "Manage connections to databases (postgres, mysql, sqlite) and S3 endpoints; secrets stay in environment variables or credentials files.")
        {
            Subcommands =
            {
                MagicSupport.Subcommand<ConnectionAddMagic>(kernel, "add", "Add a connection to the catalog (without its secret).", ConnectionAddMagic.Parameters(), ConnectionAddMagic.HandleAsync),
                MagicSupport.Subcommand<ConnectionListMagic>(kernel, "list", "List the connections (never their secrets).", [MagicSupport.CatalogParameter()], ConnectionListMagic.HandleAsync),
                MagicSupport.Subcommand<ConnectionTestMagic>(kernel, "test", "Open a connection with its secret and report the server that answered.", NameParameters("The connection to open."), ConnectionTestMagic.HandleAsync),
                MagicSupport.Subcommand<ConnectionRemoveMagic>(kernel, "remove", "Remove a connection from the catalog.", NameParameters("The connection to remove."), ConnectionRemoveMagic.HandleAsync),
            },
        };
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!connection a subcommand: add, list, test or remove.");
            return Task.CompletedTask;
        });
    }

    public static void DisplayList(KernelInvocationContext context, DataCatalog catalog) =>
        MagicSupport.DisplayHtml(context, ConnectionViews.Connections(catalog.Path, catalog.GetConnections()));

    private static IEnumerable<KernelDirectiveParameter> NameParameters(string description) =>
    [
        new KernelDirectiveParameter("--name", description) { AllowImplicitName = true, Required = true }.AddCompletions(MagicSupport.ConnectionNames),
        MagicSupport.CatalogParameter(),
    ];
}
