using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// Answers a DevEndpoint magic written wrongly with the product's message, and <c>-h</c>/<c>--help</c> with the magic's
/// help, in place of .NET Interactive's parser diagnostics (<c>DNI103: Unrecognized parameter name</c>, <c>Invalid JSON</c>).
/// The kernel parses a cell before any middleware runs and, when a magic is wrong, runs one command that fails the cell;
/// this middleware checks the cell first, for whichever command of the cell arrives, and so replaces that failure. It also
/// answers a cell that is only the magic line of a cell kernel, which .NET Interactive does not hand to that kernel.
/// </summary>
internal static class MagicSyntaxCheck
{
    /// <summary>
    /// Checks the DevEndpoint magics <paramref name="root"/> has registered (those <see cref="HelpMagic.Magics"/> lists) and
    /// the options of the cell kernels whose cell body is not C# (<c>#!sql</c>, <c>#!dq</c>).
    /// </summary>
    public static void Register(Kernel root, IReadOnlyList<CellKernel> cellKernels)
    {
        var names = HelpMagic.Magics.Select(m => m.Magic).ToHashSet(StringComparer.Ordinal);
        var directives = root.KernelInfo.SupportedDirectives.OfType<KernelActionDirective>().Where(d => names.Contains(d.Name))
            .Concat(cellKernels.Select(k => k.Directive))
            .ToList();
        root.AddMiddleware(async (command, context, next) =>
        {
            var submission = command as SubmitCode ?? command.Parent as SubmitCode;
            if (submission is not null && MagicSyntax.Check(submission.Code, directives) is { } problem)
            {
                if (problem.Help is { } directive)
                {
                    MagicSupport.DisplayHtml(context, MagicHelpViews.Help(problem.Command!, directive));
                }
                else
                {
                    context.Fail(submission, message: problem.Message);
                }

                return;
            }

            foreach (var kernel in cellKernels)
            {
                // The one command such a cell sends is the kernel's directive, whose parent is the cell.
                if (command is not SubmitCode && command.Parent is SubmitCode cell && kernel.MagicLineOnly is { } answer
                    && MagicSyntax.MagicLineOnly(cell.Code, kernel.Directive) is { } options)
                {
                    await answer(cell, options, context);
                    return;
                }
            }

            await next(command, context);
        });
    }
}

/// <summary>
/// A kernel whose cell body is not C# (<c>#!sql</c>, <c>#!dq</c>): its options as a directive, and what it does with a cell of
/// only its magic line (null: what .NET Interactive does, nothing).
/// </summary>
internal sealed record CellKernel(
    KernelActionDirective Directive, Func<SubmitCode, IDictionary<string, string>, KernelInvocationContext, Task>? MagicLineOnly = null);
