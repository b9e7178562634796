using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Tests.Jobs;

/// <summary>
/// Stands in for Polyglot Notebooks' <c>vscode</c> kernel, the frontend's proxy in the notebook: it lists
/// <see cref="SendEditableCode"/> among its supported commands, as the real one does, and keeps the cells it is sent.
/// </summary>
internal sealed class FrontendKernel : Kernel
{
    public FrontendKernel()
        : base("vscode")
    {
        RegisterCommandHandler<SendEditableCode>((command, context) =>
        {
            Cells.Add(command);
            return Task.CompletedTask;
        });
    }

    public List<SendEditableCode> Cells { get; } = [];
}
