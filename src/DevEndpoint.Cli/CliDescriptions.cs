using System.CommandLine;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

/// <summary>
/// Builds a command's System.CommandLine command, options and arguments from its shared <see cref="CommandDescription"/>,
/// the one the magics build their parameters from: names, help texts, required options, and positional options as
/// arguments. The value's type, arity and parser stay with the command that reads it.
/// </summary>
internal static class CliDescriptions
{
    /// <summary>The command with its arguments and options (<paramref name="symbols"/>, built from the same description).</summary>
    public static Command Command(CommandDescription command, params Symbol[] symbols)
    {
        var built = new Command(command.Verb, command.SummaryFor(Fronts.Cli));
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument: built.Arguments.Add(argument); break;
                case Option option: built.Options.Add(option); break;
                default: throw new ArgumentException($"{symbol.Name} is neither an argument nor an option.", nameof(symbols));
            }
        }

        return built;
    }

    public static Option<T> Option<T>(OptionDescription option) => option.Fronts.HasFlag(Fronts.Cli) && !option.Positional
        ? new(option.Name) { Description = option.HelpFor(Fronts.Cli), Required = option.Required }
        : throw new ArgumentException($"{option.Name} is not an option of the command line.", nameof(option));

    public static Argument<T> Argument<T>(OptionDescription option) => option.Fronts.HasFlag(Fronts.Cli) && option.Positional
        ? new(option.ArgumentName) { Description = option.HelpFor(Fronts.Cli), Arity = option.Required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne }
        : throw new ArgumentException($"{option.Name} is not an argument of the command line.", nameof(option));
}
