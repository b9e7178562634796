using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Connections;
using DevEndpoint.Interactive.Endpoints;
using Microsoft.AspNetCore.Html;
using Microsoft.Data.Sqlite;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Magics;

/// <summary>What every DevEndpoint magic shares: the catalog option, name completions, HTML display and error reporting.</summary>
internal static class MagicSupport
{
    public static KernelDirectiveParameter CatalogParameter() => MagicDescriptions.Parameter(CommonOptions.Catalog);

    /// <summary>The catalog the magic names, else the endpoint's (in an endpoint's cell), else the default one.</summary>
    public static DataCatalog OpenCatalog(KernelInvocationContext context, string? catalog) =>
        DataCatalog.Open(catalog ?? (context.HandlingKernel as EndpointKernel)?.Definition.Catalog);

    /// <summary>Database names and <c>database.table</c> names of the default catalog, for completions.</summary>
    public static IEnumerable<string> CatalogNames(bool tables)
    {
        try
        {
            if (!File.Exists(DataCatalog.DefaultPath))
            {
                return [];
            }

            var catalog = DataCatalog.Open();
            var databases = catalog.GetDatabases();
            return tables
                ? databases.SelectMany(d => catalog.GetTables(d.Name).Select(t => $"{d.Name}.{t.Name}")).ToList()
                : databases.Select(d => d.Name).ToList();
        }
        catch (DevEndpointException)
        {
            return [];
        }
    }

    /// <summary>Custom classifier names of the default catalog, for completions.</summary>
    public static IEnumerable<string> ClassifierNames()
    {
        try
        {
            return File.Exists(DataCatalog.DefaultPath) ? DataCatalog.Open().GetClassifiers().Select(c => c.Name).ToList() : [];
        }
        catch (DevEndpointException)
        {
            return [];
        }
    }

    /// <summary>Connection names of the default catalog, for completions.</summary>
    public static IEnumerable<string> ConnectionNames()
    {
        try
        {
            return File.Exists(DataCatalog.DefaultPath) ? DataCatalog.Open().GetConnections().Select(c => c.Name).ToList() : [];
        }
        catch (DevEndpointException)
        {
            return [];
        }
    }

    public static DisplayedValue DisplayHtml(KernelInvocationContext context, string html) =>
        context.Display(new HtmlString(html), HtmlFormatter.MimeType);

    /// <summary>Runs a magic's work; an error the user can act on fails the cell with its message, not a stack trace.</summary>
    public static async Task RunAsync(KernelCommand command, KernelInvocationContext context, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (DevEndpointException e)
        {
            context.Fail(command, message: SecretMask.Apply(e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            // The environment failed (a disk, a permission, a database file): say what, never with a stack trace.
            context.Fail(command, message: SecretMask.Apply(e.Message));
        }
    }

    /// <summary>A subcommand of a magic (<c>#!classifier add</c>), handled by its own command type.</summary>
    public static KernelActionDirective Subcommand<TCommand>(
        Kernel kernel, string name, string description, IEnumerable<KernelDirectiveParameter> parameters, Func<TCommand, KernelInvocationContext, Task> handle)
        where TCommand : KernelDirectiveCommand
    {
        var subcommand = new KernelActionDirective(name, description) { KernelCommandType = typeof(TCommand) };
        foreach (var parameter in parameters)
        {
            subcommand.Parameters.Add(parameter);
        }

        KernelCommandEnvelope.RegisterCommand<TCommand>();
        kernel.RegisterCommandHandler(handle);
        return subcommand;
    }
}
