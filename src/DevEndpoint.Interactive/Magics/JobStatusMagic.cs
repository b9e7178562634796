using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!job status &lt;run-id&gt; [--catalog &lt;catalog&gt;]</c>.</summary>
public sealed class JobStatusMagic : KernelDirectiveCommand
{
    public string RunId { get; set; } = string.Empty;

    public string? Catalog { get; set; }

    internal static Task HandleAsync(JobStatusMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            MagicSupport.DisplayHtml(context, JobRunViews.Status(MagicSupport.OpenCatalog(context, command.Catalog).GetJobRun(command.RunId)));
            return Task.CompletedTask;
        });
}
