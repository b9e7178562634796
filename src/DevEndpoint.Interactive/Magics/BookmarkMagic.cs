using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Endpoints;
using DevEndpoint.Jobs;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!bookmark status|commit|reset &lt;job&gt;</c>: job bookmarks, which <c>#!load --bookmark &lt;job&gt;</c> follows; each
/// subcommand is its own command (<see cref="BookmarkStatusMagic"/>, <see cref="BookmarkCommitMagic"/>, <see cref="BookmarkResetMagic"/>).
/// </summary>
internal static class BookmarkMagic
{
    public static void Register(Kernel kernel)
    {
        KernelDirectiveParameter Job(string description, bool required) =>
            new KernelDirectiveParameter("--job", description) { AllowImplicitName = true, Required = required }.AddCompletions(JobNames);

        var directive = new KernelActionDirective("#!bookmark", "Job bookmarks: what a job's loads with --bookmark <job> processed, so the next run reads only new or changed files.")
        {
            Subcommands =
            {
                MagicSupport.Subcommand<BookmarkStatusMagic>(
                    kernel,
                    "status",
                    "Show a job's bookmark: committed runs, last commit, files processed and the pending run's files, per table (every job when none is named).",
                    [Job("The job (default: every job).", required: false), MagicSupport.CatalogParameter()],
                    BookmarkStatusMagic.HandleAsync),
                MagicSupport.Subcommand<BookmarkCommitMagic>(
                    kernel,
                    "commit",
                    "Commit the job's pending run: the files its loads read are processed, and the next run skips them.",
                    [Job("The job whose pending run to commit.", required: true), MagicSupport.CatalogParameter()],
                    BookmarkCommitMagic.HandleAsync),
                MagicSupport.Subcommand<BookmarkResetMagic>(
                    kernel,
                    "reset",
                    "Forget what the job processed and its pending run: the next load with its bookmark reads every file.",
                    [Job("The job to reset.", required: true), MagicSupport.CatalogParameter()],
                    BookmarkResetMagic.HandleAsync),
            },
        };
        kernel.AddDirective(directive, (command, context) =>
        {
            context.Fail(command, message: "Give #!bookmark a subcommand: status, commit or reset.");
            return Task.CompletedTask;
        });
    }

    /// <summary>The job bookmarks of the catalog the magic names, else the endpoint's (in an endpoint's cell), else the default one.</summary>
    public static JobBookmarks Open(KernelInvocationContext context, string? catalog) =>
        new(MagicSupport.OpenCatalog(context, catalog));

    /// <summary>The job names of the default catalog, for completions.</summary>
    private static IEnumerable<string> JobNames()
    {
        try
        {
            return File.Exists(DataCatalog.DefaultPath) ? new JobBookmarks(DataCatalog.Open()).List().Select(b => b.Job).ToList() : [];
        }
        catch (DevEndpointException)
        {
            return [];
        }
    }
}
