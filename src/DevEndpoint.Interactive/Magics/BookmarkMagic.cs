using DevEndpoint.Catalog;
using DevEndpoint.Commands;
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
        (OptionDescription, Func<IEnumerable<string>>) Job(CommandDescription command) => (command.Options[0], JobNames);

        var directive = MagicDescriptions.Directive(BookmarkDescriptions.Group);
        directive.Subcommands.Add(MagicDescriptions.Subcommand<BookmarkStatusMagic>(kernel, BookmarkDescriptions.Status, BookmarkStatusMagic.HandleAsync, Job(BookmarkDescriptions.Status)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<BookmarkCommitMagic>(kernel, BookmarkDescriptions.Commit, BookmarkCommitMagic.HandleAsync, Job(BookmarkDescriptions.Commit)));
        directive.Subcommands.Add(MagicDescriptions.Subcommand<BookmarkResetMagic>(kernel, BookmarkDescriptions.Reset, BookmarkResetMagic.HandleAsync, Job(BookmarkDescriptions.Reset)));
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
