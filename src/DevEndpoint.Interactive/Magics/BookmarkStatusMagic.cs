using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!bookmark status [&lt;job&gt;] [--catalog &lt;file&gt;]</c>.</summary>
public sealed class BookmarkStatusMagic : KernelDirectiveCommand
{
    public string? Job { get; set; }

    public string? Catalog { get; set; }

    internal static Task HandleAsync(BookmarkStatusMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var bookmarks = BookmarkMagic.Open(context, command.Catalog);
            MagicSupport.DisplayHtml(context, BookmarkViews.Status(bookmarks.CatalogPath, command.Job is { } job ? [bookmarks.Get(job)] : bookmarks.List()));
            return Task.CompletedTask;
        });
}
