using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!job list [--job &lt;name&gt;] [--catalog &lt;catalog&gt;]</c>.</summary>
public sealed class JobListMagic : KernelDirectiveCommand
{
    public string? Job { get; set; }

    public string? Catalog { get; set; }

    internal static Task HandleAsync(JobListMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var catalog = MagicSupport.OpenCatalog(context, command.Catalog);
            MagicSupport.DisplayHtml(context, JobRunViews.List(catalog.Path, command.Job, catalog.GetJobRuns(command.Job)));
            return Task.CompletedTask;
        });
}
