using DevEndpoint.Commands;
using Microsoft.DotNet.Interactive;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!job status|list</c>: the job runs the catalog keeps, as <c>devendpoint job status|list</c> show them (a job runs
/// from the command line, <c>devendpoint job run</c>); each subcommand is its own command (<see cref="JobStatusMagic"/>,
/// <see cref="JobListMagic"/>).
/// </summary>
internal static class JobMagic
{
    public static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(ClusterDescriptions.JobGroup);
        directive.Subcommands.Add(MagicDescriptions.Subcommand<JobStatusMagic>(kernel, ClusterDescriptions.JobStatus, JobStatusMagic.HandleAsync));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<JobListMagic>(kernel, ClusterDescriptions.JobList, JobListMagic.HandleAsync));
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!job a subcommand: status <run-id> or list.");
            return Task.CompletedTask;
        });
    }
}
