using DevEndpoint.Commands;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// Builds a magic's directive and parameters from its command's shared <see cref="CommandDescription"/>, the one the
/// <c>devendpoint</c> command builds its options from: names, help texts, required options, positional options (given
/// without <c>--name</c>), flags, type hints and the fixed values offered as completions.
/// </summary>
internal static class MagicDescriptions
{
    /// <summary>The top-level magic <c>#!&lt;name&gt;</c> with its parameters; <paramref name="completions"/> adds names read from the catalog to options.</summary>
    public static KernelActionDirective Directive(CommandDescription command, params (OptionDescription Option, Func<IEnumerable<string>> Values)[] completions)
    {
        var directive = new KernelActionDirective("#!" + command.Name, command.SummaryFor(Fronts.Magic));
        foreach (var parameter in Parameters(command, completions))
        {
            directive.Parameters.Add(parameter);
        }

        return directive;
    }

    /// <summary>A subcommand (<c>#!classifier add</c>), handled by its own command type.</summary>
    public static KernelActionDirective Subcommand<TCommand>(
        Kernel kernel, CommandDescription command, Func<TCommand, KernelInvocationContext, Task> handle, params (OptionDescription Option, Func<IEnumerable<string>> Values)[] completions)
        where TCommand : KernelDirectiveCommand =>
        MagicSupport.Subcommand(kernel, command.Verb, command.SummaryFor(Fronts.Magic), Parameters(command, completions), handle);

    /// <summary>The parameters of the options a magic offers, in the description's order.</summary>
    public static IEnumerable<KernelDirectiveParameter> Parameters(CommandDescription command, params (OptionDescription Option, Func<IEnumerable<string>> Values)[] completions) =>
        command.OptionsFor(Fronts.Magic).Select(o => Parameter(o, completions.FirstOrDefault(c => c.Option == o).Values));

    public static KernelDirectiveParameter Parameter(OptionDescription option, Func<IEnumerable<string>>? completions = null)
    {
        var (name, help, required, positional) = (option.Name, option.HelpFor(Fronts.Magic), option.Required, option.Positional);
        var parameter = option.Value switch
        {
            OptionValue.Number => new KernelDirectiveParameter(name, help) { Required = required, AllowImplicitName = positional, TypeHint = "number" },
            OptionValue.File => new KernelDirectiveParameter(name, help) { Required = required, AllowImplicitName = positional, TypeHint = "file" },
            _ => new KernelDirectiveParameter(name, help) { Required = required, AllowImplicitName = positional, Flag = option.Value == OptionValue.Flag },
        };
        if (completions is not null || option.Allowed.Count > 0)
        {
            parameter.AddCompletions(completions ?? (() => option.Allowed));
        }

        return parameter;
    }
}
