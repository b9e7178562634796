using DevEndpoint.Catalog;
using DevEndpoint.Endpoints;
using DevEndpoint.Libraries;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;

namespace DevEndpoint.Interactive.Endpoints;

/// <summary>
/// A development endpoint in the notebook: the kernel <c>#!&lt;name&gt;</c> runs cells in a C# session of its own that
/// references the endpoint's libraries and holds its catalog as the variable <c>catalog</c>. A running C# kernel cannot
/// unload an assembly, so reloading libraries starts a new session behind the same kernel; the old one, with its
/// variables, is disposed. <c>#!share</c> and <c>#!set</c> work with the session as with any C# kernel.
/// </summary>
internal sealed class EndpointKernel :
    Kernel,
    IKernelCommandHandler<SubmitCode>,
    IKernelCommandHandler<RequestCompletions>,
    IKernelCommandHandler<RequestDiagnostics>,
    IKernelCommandHandler<RequestHoverText>,
    IKernelCommandHandler<RequestSignatureHelp>,
    IKernelCommandHandler<RequestValue>,
    IKernelCommandHandler<RequestValueInfos>,
    IKernelCommandHandler<SendValue>
{
    /// <summary>The variable that holds the endpoint's catalog in its session.</summary>
    public const string CatalogVariable = "catalog";

    private CSharpKernel? session;

    public EndpointKernel(EndpointDefinition definition)
        : base(definition.Name)
    {
        Definition = definition;
        KernelInfo.LanguageName = "C#";
        KernelInfo.DisplayName = $"{definition.Name} - DevEndpoint endpoint (C#)";
        KernelInfo.Description = "A development endpoint: a C# session with its own script libraries and catalog.";
        RegisterForDisposal(() => session?.Dispose());
    }

    public EndpointDefinition Definition { get; private set; }

    public IReadOnlyList<ScriptLibrary> Libraries { get; private set; } = [];

    public bool IsRunning => session is not null;

    public DateTimeOffset? SessionStarted { get; private set; }

    /// <summary>How many sessions this endpoint has started in this notebook (1 after create, +1 per reload).</summary>
    public int Sessions { get; private set; }

    /// <summary>Names of the variables the current session holds.</summary>
    public IReadOnlyList<string> Variables =>
        session?.ScriptState?.Variables.Select(v => v.Name).Where(n => n != CatalogVariable).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>Starts a new session with <paramref name="libraries"/>, disposing the current one; returns the variables it held.</summary>
    public async Task<IReadOnlyList<string>> StartSessionAsync(EndpointDefinition definition, IReadOnlyList<ScriptLibrary> libraries)
    {
        var dropped = Variables;
        var catalog = DataCatalog.Open(definition.Catalog);
        var next = new CSharpKernel(Name);
        try
        {
            next.AddAssemblyReferences([typeof(DataFrame).Assembly.Location, typeof(DataCatalog).Assembly.Location, .. libraries.SelectMany(l => l.References).Distinct()]);
            await next.SetValueAsync(CatalogVariable, catalog, typeof(DataCatalog));
            await next.SendAsync(new SubmitCode(NotebookNamespaces.Usings));
        }
        catch
        {
            next.Dispose();
            throw;
        }

        session?.Dispose();
        session = next;
        Definition = definition;
        Libraries = libraries;
        SessionStarted = DateTimeOffset.Now;
        Sessions++;
        return dropped;
    }

    /// <summary>Puts a value in the current session as a variable (what a magic run in the endpoint's cell produces).</summary>
    public Task SetValueAsync(string name, object value, Type type) => Session.SetValueAsync(name, value, type);

    /// <summary>A variable of the current session (what a magic run in the endpoint's cell reads), or <c>null</c> when there is none of that name.</summary>
    public object? GetValue(string name) => Session.TryGetValue<object>(name, out var value) ? value : null;

    private CSharpKernel Session =>
        session ?? throw new DevEndpointException($"Endpoint '{Name}' was deleted. Create it again with #!endpoint create {Name} [--libraries <path>[,<path>...]] [--catalog <file>].");

    /// <summary>Stops the session: later cells of this kernel fail, saying the endpoint was deleted.</summary>
    public void Stop()
    {
        session?.Dispose();
        session = null;
        Libraries = [];
    }

    Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<RequestCompletions>.HandleAsync(RequestCompletions command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<RequestDiagnostics>.HandleAsync(RequestDiagnostics command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<RequestHoverText>.HandleAsync(RequestHoverText command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<RequestSignatureHelp>.HandleAsync(RequestSignatureHelp command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<RequestValue>.HandleAsync(RequestValue command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<RequestValueInfos>.HandleAsync(RequestValueInfos command, KernelInvocationContext context) => Forward(command, context);

    Task IKernelCommandHandler<SendValue>.HandleAsync(SendValue command, KernelInvocationContext context) => Forward(command, context);

    /// <summary>Runs the command in the current session, within the caller's context, so its events are the caller's.</summary>
    private Task Forward<TCommand>(TCommand command, KernelInvocationContext context)
        where TCommand : KernelCommand
    {
        if (session is not IKernelCommandHandler<TCommand> handler)
        {
            context.Fail(command, message: $"Endpoint '{Name}' was deleted. Create it again with #!endpoint create {Name} [--libraries <path>[,<path>...]] [--catalog <file>].");
            return Task.CompletedTask;
        }

        return handler.HandleAsync(command, context);
    }
}
