using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!bookmark commit &lt;job&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class BookmarkCommitMagic : KernelDirectiveCommand
{
    public string Job { get; set; } = string.Empty;

    public string? Catalog { get; set; }

    internal static Task HandleAsync(BookmarkCommitMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            MagicSupport.DisplayHtml(context, BookmarkViews.Committed(BookmarkMagic.Open(context, command.Catalog).Commit(command.Job)));
            return Task.CompletedTask;
        });
}
