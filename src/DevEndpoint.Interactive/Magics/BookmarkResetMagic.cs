using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!bookmark reset &lt;job&gt; [--catalog &lt;file&gt;]</c>.</summary>
public sealed class BookmarkResetMagic : KernelDirectiveCommand
{
    public string Job { get; set; } = string.Empty;

    public string? Catalog { get; set; }

    internal static Task HandleAsync(BookmarkResetMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            MagicSupport.DisplayHtml(context, BookmarkViews.Reset(BookmarkMagic.Open(context, command.Catalog).Reset(command.Job)));
            return Task.CompletedTask;
        });
}
