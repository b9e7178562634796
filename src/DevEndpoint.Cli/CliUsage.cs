using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace DevEndpoint.Cli;

/// <summary>
/// What a command line written wrongly gets: the same messages as a magic written wrongly (closest option or command,
/// the option, the value and the expected form), in place of System.CommandLine's "Unrecognized command or argument"
/// and "Cannot parse argument ... as expected type 'System.Nullable`1[System.Int64]'".
/// </summary>
internal static class CliUsage
{
    public static IReadOnlyList<string> Problems(ParseResult parse)
    {
        var messages = new List<string>();
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var unknownCommand = false;
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            unknownCommand = !token.StartsWith('-') && subcommands.Count > 0;
            messages.Add(
                token.StartsWith('-') ? UsageErrors.UnknownOption(path, token, Options(command))
                : unknownCommand ? UsageErrors.UnknownSubcommand(path, token, subcommands)
                : UsageErrors.Unexpected(path, token));
        }

        foreach (var error in parse.Errors)
        {
            // The unmatched tokens are described above; a missing command, when the one given is unknown, says nothing more.
            if (parse.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
                || (unknownCommand && error.SymbolResult is CommandResult))
            {
                continue;
            }

            messages.Add(BadValue(path, error) ?? error.Message);
        }

        return messages;
    }

    /// <summary><c>devendpoint catalog tables</c>: how the user invoked the command.</summary>
    public static string CommandPath(CommandResult? result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as CommandResult)
        {
            names.Insert(0, current.Command is RootCommand ? "devendpoint" : current.Command.Name);
        }

        return names.Count == 0 ? "devendpoint" : string.Join(' ', names);
    }

    private static List<string> Options(Command command) =>
        [.. command.Options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption).Select(o => o.Name)];

    /// <summary>
    /// A value its option's type cannot take (<c>--limit ten</c>), in the product's words; null when the option's own
    /// parser already explained it (its message starts with the option's name).
    /// </summary>
    private static string? BadValue(string path, ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option,
            ArgumentResult { Parent: OptionResult result } => result.Option,
            _ => null,
        };
        var value = (error.SymbolResult as SymbolResult)?.Tokens.FirstOrDefault()?.Value;
        return option is null || value is null || error.Message.StartsWith(option.Name + " ", StringComparison.Ordinal) || UsageErrors.Fits(option.ValueType, value) || UsageErrors.ExpectedForm(option.ValueType) is not { } expected
            ? null
            : UsageErrors.BadValue(path, option.Name, value, expected);
    }
}
