using DevEndpoint.Endpoints;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Libraries;
using DevEndpoint.ObjectStores;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!endpoint create|connect|list|status|update-libraries|delete</c>: development endpoints, each a C# kernel
/// <c>#!&lt;name&gt;</c> with its own script libraries and catalog, defined under the DevEndpoint home so a restarted notebook gets
/// them back. Each subcommand is its own command type (<see cref="EndpointCreateMagic"/> and the others).
/// </summary>
internal static class EndpointMagic
{
    public const string ReloadDrops =
        "A reload starts a new C# session for the endpoint: the variables, types and methods that its cells defined are gone "
        + "(re-run the cells that set them up); the libraries and the catalog variable are there again.";

    public static void Register(CompositeKernel root, LibrarySession session)
    {
        KernelDirectiveParameter Name(string description) =>
            new KernelDirectiveParameter("--name", description) { AllowImplicitName = true, Required = true }
                .AddCompletions(() => session.Store.List().Select(d => d.Name));

        var directive = new KernelActionDirective("#!endpoint", "Manage development endpoints: C# kernels with their own script libraries and catalog, side by side in one notebook.")
        {
            Subcommands =
            {
                MagicSupport.Subcommand<EndpointCreateMagic>(
                    root,
                    "create",
                    "Create an endpoint (or reconnect to a stored one), as the C# kernel #!<name>.",
                    [
                        Name("The endpoint's name: lower-case letters, digits and underscores; its cells start with #!<name>."),
                        new("--libraries", "Comma-separated libraries (.cs, .zip, .dll, .nupkg, nuget:<id>,<version>); default: the stored endpoint's, else none.") { TypeHint = "file" },
                        new("--catalog", "The endpoint's catalog file; default: the stored endpoint's, else the default catalog.") { TypeHint = "file" },
                    ],
                    (command, context) => MagicSupport.RunAsync(command, context, () => EndpointCreateMagic.HandleAsync(command, context, root, session))),
                MagicSupport.Subcommand<EndpointConnectMagic>(
                    root,
                    "connect",
                    "Start a stored endpoint in this notebook (after a restart).",
                    [Name("The stored endpoint.")],
                    (command, context) => MagicSupport.RunAsync(command, context, () => EndpointConnectMagic.HandleAsync(command, context, root, session))),
                MagicSupport.Subcommand<EndpointListMagic>(
                    root,
                    "list",
                    "List the stored endpoints and which run in this notebook.",
                    [],
                    (command, context) => MagicSupport.RunAsync(command, context, () => EndpointListMagic.HandleAsync(context, session))),
                MagicSupport.Subcommand<EndpointStatusMagic>(
                    root,
                    "status",
                    "Show an endpoint's kernel, catalog, session, variables and libraries (all running endpoints when no name is given).",
                    [new KernelDirectiveParameter("--name", "The endpoint.") { AllowImplicitName = true }.AddCompletions(() => session.Endpoints.Keys)],
                    (command, context) => MagicSupport.RunAsync(command, context, () => EndpointStatusMagic.HandleAsync(command, context, session))),
                MagicSupport.Subcommand<EndpointUpdateLibrariesMagic>(
                    root,
                    "update-libraries",
                    "Rebuild the endpoint's libraries from disk and, when one changed, reload them in a new C# session.",
                    [Name("The endpoint.")],
                    (command, context) => MagicSupport.RunAsync(command, context, () => EndpointUpdateLibrariesMagic.HandleAsync(command, context, session))),
                MagicSupport.Subcommand<EndpointDeleteMagic>(
                    root,
                    "delete",
                    "Delete the endpoint's stored definition and stop its C# session.",
                    [Name("The endpoint.")],
                    (command, context) => MagicSupport.RunAsync(command, context, () => EndpointDeleteMagic.HandleAsync(command, context, session))),
            },
        };
        root.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!endpoint a subcommand: create, connect, list, status, update-libraries or delete.");
            return Task.CompletedTask;
        });
    }

    /// <summary>Builds the definition's libraries and starts the endpoint's session, adding its kernel to the notebook when new.</summary>
    public static async Task<EndpointKernel> StartAsync(CompositeKernel root, LibrarySession session, EndpointDefinition definition)
    {
        if (session.Endpoints.TryGetValue(definition.Name, out var kernel) && kernel.IsRunning)
        {
            throw new DevEndpointException($"Endpoint '{definition.Name}' is already running in this notebook: #!endpoint update-libraries {definition.Name} reloads its libraries, #!endpoint delete {definition.Name} stops it.");
        }

        if (kernel is null && root.FindKernelByName(definition.Name) is { } taken)
        {
            throw new DevEndpointException($"'{definition.Name}' is already the name of a kernel in this notebook ({taken.KernelInfo.DisplayName}); choose another endpoint name.");
        }

        if (kernel is null && root.KernelInfo.SupportedDirectives.Any(d => d.Name == "#!" + definition.Name))
        {
            throw new DevEndpointException($"'{definition.Name}' is already the name of a magic command in this notebook (#!{definition.Name}); choose another endpoint name.");
        }

        IReadOnlyList<ScriptLibrary> libraries;
        try
        {
            libraries = session.Build(definition.Libraries);
        }
        catch (DevEndpointException e)
        {
            throw new DevEndpointException($"{e.Message}\nEndpoint '{definition.Name}' was not started (nor its definition changed); fix the library and run the magic again.", e);
        }

        var isNew = kernel is null;
        kernel ??= new EndpointKernel(definition).UseValueSharing();
        try
        {
            await kernel.StartSessionAsync(definition, libraries);
        }
        catch when (isNew)
        {
            kernel.Dispose();
            throw;
        }

        session.Store.Save(definition);
        if (isNew)
        {
            root.Add(kernel);
            session.Endpoints.Add(definition.Name, kernel);
        }

        return kernel;
    }

    public static EndpointKernel Running(LibrarySession session, string name)
    {
        EndpointStore.CheckName(name);
        return session.Endpoints.TryGetValue(name, out var kernel) && kernel.IsRunning
            ? kernel
            : throw new DevEndpointException(session.Store.Find(name) is null
                ? $"There is no endpoint '{name}'. Create it with #!endpoint create {name} [--libraries <path>[,<path>...]] [--catalog <file>]."
                : $"Endpoint '{name}' is not running in this notebook. Start it with #!endpoint connect {name}.");
    }

    public static IReadOnlyList<string> FullPaths(string? libraries) =>
        libraries is null ? [] : ScriptLibraryBuilder.SplitPaths(libraries).Select(p => p.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) || S3Path.IsS3(p) ? p : Path.GetFullPath(p)).ToList();
}
