using System.Reflection;
using DevEndpoint.Interactive;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Run;

/// <summary>
/// The kernel <c>devendpoint run</c> executes cells on: a composite kernel with a C# kernel, set up as the Jupyter
/// kernel sets up its C# kernel, and the DevEndpoint kernel extension loaded as <c>#r "nuget:DevEndpoint.Interactive"</c>
/// loads it (every public <see cref="IKernelExtension"/> of the package's assembly, given the root kernel, inside a command).
/// </summary>
internal sealed class RunKernel : IDisposable
{
    private readonly CompositeKernel root;
    private readonly IDisposable subscription;
    private RunOutputs? current;

    private RunKernel()
    {
        var csharp = new CSharpKernel().UseKernelHelpers().UseWho().UseValueSharing();
        root = new CompositeKernel { csharp };
        root.DefaultKernelName = csharp.Name;
        subscription = root.KernelEvents.Subscribe(e => current?.Add(e));
        root.RegisterCommandHandler<LoadExtensions>((_, _) => LoadExtensionsAsync());
    }

    public static Assembly Extension => typeof(DevEndpointKernelExtension).Assembly;

    /// <summary>Starts the kernel and loads the extension; what loading displays goes to <paramref name="outputs"/>.</summary>
    public static async Task<RunKernel> StartAsync(RunOutputs outputs)
    {
        var kernel = new RunKernel();
        var failure = await kernel.RunAsync(new LoadExtensions(), outputs);
        if (failure is not null)
        {
            kernel.Dispose();
            throw new RunFailure(RunJob.CellFailed, $"{Extension.GetName().Name} did not load: {failure}");
        }

        return kernel;
    }

    public bool HasKernel(string name) => root.FindKernelByName(name) is not null;

    /// <summary>Runs <paramref name="command"/>, its events going to <paramref name="outputs"/>; returns its error, or null when it succeeded.</summary>
    public async Task<string?> RunAsync(KernelCommand command, RunOutputs outputs)
    {
        current = outputs;
        KernelCommandResult result;
        try
        {
            result = await root.SendAsync(command);
        }
        finally
        {
            current = null;
        }

        outputs.Complete();
        return result.Events.OfType<CommandFailed>().LastOrDefault()?.Message;
    }

    public void Dispose()
    {
        subscription.Dispose();
        root.Dispose();
    }

    private async Task LoadExtensionsAsync()
    {
        var extensions = Extension.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IKernelExtension).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
        foreach (var type in extensions)
        {
            await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(root);
        }
    }

    /// <summary>Loads the extension inside a command, as <c>#r</c> does, so that what it displays has a cell to go to.</summary>
    private sealed class LoadExtensions : KernelCommand;
}
