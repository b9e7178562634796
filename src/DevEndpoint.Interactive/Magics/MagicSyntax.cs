using System.Text;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// Checks how a DevEndpoint magic is written before .NET Interactive binds it, so a misspelt option, a bad value, a
/// missing option or <c>-h</c> gets the product's answer (closest name, expected form, help) instead of the parser's
/// diagnostics. It reads the magic's own definition (its parameters, subcommands and command type), so every magic is
/// checked the same way.
/// </summary>
internal static class MagicSyntax
{
    private static readonly string[] HelpSwitches = ["-h", "--help", "-?"];

    /// <summary>What is wrong with the first DevEndpoint magic in <paramref name="code"/> that is written wrongly, or that asks for help; null when none.</summary>
    public static MagicProblem? Check(string code, IReadOnlyList<KernelActionDirective> directives)
    {
        foreach (var line in code.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            var directive = directives.FirstOrDefault(d => text.StartsWith(d.Name, StringComparison.Ordinal)
                && (text.Length == d.Name.Length || char.IsWhiteSpace(text[d.Name.Length])));
            if (directive is not null && Check(directive, Tokens(text[directive.Name.Length..]), null) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>
    /// The options of a cell that is only the line of <paramref name="directive"/> (blank lines aside), written correctly, by
    /// option name (a flag given as <c>true</c>); null for any other cell. .NET Interactive does not call a cell kernel for such a cell.
    /// </summary>
    public static Dictionary<string, string>? MagicLineOnly(string code, KernelActionDirective directive)
    {
        var lines = code.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count != 1 || !lines[0].StartsWith(directive.Name, StringComparison.Ordinal)
            || (lines[0].Length > directive.Name.Length && !char.IsWhiteSpace(lines[0][directive.Name.Length])))
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        return Check(directive, Tokens(lines[0][directive.Name.Length..]), options) is null ? options : null;
    }

    /// <summary>What is wrong with a magic's words; when nothing is, the options they give go into <paramref name="bound"/> (when given).</summary>
    private static MagicProblem? Check(KernelActionDirective directive, IReadOnlyList<Token> tokens, Dictionary<string, string>? bound)
    {
        var active = directive;
        var start = 0;
        if (directive.Subcommands.Count > 0 && tokens.Count > 0 && !IsOptionLike(tokens[0]))
        {
            var subcommand = directive.Subcommands.FirstOrDefault(s => s.Name == tokens[0].Text);
            if (subcommand is null)
            {
                return MagicProblem.Error(UsageErrors.UnknownSubcommand(directive.Name, tokens[0].Text, [.. directive.Subcommands.Select(s => s.Name)]));
            }

            active = subcommand;
            start = 1;
        }

        var command = active == directive ? directive.Name : $"{directive.Name} {active.Name}";
        if (tokens.Skip(start).Any(t => !t.Quoted && HelpSwitches.Contains(t.Text)))
        {
            return MagicProblem.ForHelp(command, active);
        }

        var parameters = active.Parameters.ToList();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            KernelDirectiveParameter? parameter;
            string? value;
            if (IsOptionLike(token))
            {
                parameter = parameters.FirstOrDefault(p => p.Name == token.Text);
                if (parameter is null)
                {
                    return MagicProblem.Error(UsageErrors.UnknownOption(command, token.Text, [.. parameters.Select(p => p.Name)]));
                }

                if (parameter.Flag)
                {
                    value = null;
                }
                else if (i + 1 < tokens.Count && !parameters.Any(p => !tokens[i + 1].Quoted && p.Name == tokens[i + 1].Text))
                {
                    value = tokens[++i].Text;
                }
                else
                {
                    return MagicProblem.Error(UsageErrors.MissingValue(command, parameter.Name, parameter.Description));
                }
            }
            else
            {
                parameter = parameters.FirstOrDefault(p => p.AllowImplicitName && !given.Contains(p.Name));
                if (parameter is null)
                {
                    return MagicProblem.Error(UsageErrors.Unexpected(command, token.Text));
                }

                value = token.Text;
            }

            if (!given.Add(parameter.Name) && parameter.MaxOccurrences <= 1)
            {
                return MagicProblem.Error(UsageErrors.Repeated(command, parameter.Name));
            }

            if (value is not null && BadValue(command, active, parameter, value) is { } bad)
            {
                return MagicProblem.Error(bad);
            }

            bound?.TryAdd(parameter.Name, value ?? "true");
        }

        return parameters.FirstOrDefault(p => p.Required && !given.Contains(p.Name)) is { } missing
            ? MagicProblem.Error(UsageErrors.MissingOption(command, Usage(missing), missing.Description))
            : null;
    }

    /// <summary>How a parameter is written: <c>--as &lt;as&gt;</c>, or <c>&lt;table&gt;</c> for one given by position.</summary>
    public static string Usage(KernelDirectiveParameter parameter)
    {
        var name = $"<{parameter.Name.TrimStart('-')}>";
        return parameter.AllowImplicitName ? name : parameter.Flag ? parameter.Name : $"{parameter.Name} {name}";
    }

    /// <summary>A value the command's property cannot take (<c>ten</c> for a number); a value from a kernel or an input (<c>@csharp:n</c>) is bound later.</summary>
    private static string? BadValue(string command, KernelActionDirective directive, KernelDirectiveParameter parameter, string value)
    {
        var property = directive.KernelCommandType?.GetProperty(PropertyName(parameter.Name));
        return property is null || value.StartsWith('@') || UsageErrors.Fits(property.PropertyType, value) || UsageErrors.ExpectedForm(property.PropertyType) is not { } expected
            ? null
            : UsageErrors.BadValue(command, parameter.Name, value, expected);
    }

    /// <summary>The property an option binds to: <c>--sample-rows</c> to <c>SampleRows</c>.</summary>
    private static string PropertyName(string option) =>
        string.Concat(option.TrimStart('-').Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>An option name (<c>--as</c>, <c>-h</c>), not a value: unquoted, a dash then a letter or another dash.</summary>
    private static bool IsOptionLike(Token token) =>
        !token.Quoted && token.Text.Length > 1 && token.Text[0] == '-' && (char.IsLetter(token.Text[1]) || token.Text[1] is '-' or '?');

    /// <summary>Splits the rest of a magic's line into words; a double-quoted word keeps its spaces (<c>\"</c> inside it is a quote).</summary>
    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '"')
            {
                var word = new StringBuilder();
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    word.Append(text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"' ? text[++i] : text[i]);
                }

                tokens.Add(new Token(word.ToString(), Quoted: true));
                i++;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                tokens.Add(new Token(text[i..end], Quoted: false));
                i = end;
            }
        }

        return tokens;
    }

    private sealed record Token(string Text, bool Quoted);
}

/// <summary>A magic written wrongly (<see cref="Message"/>) or asking for its help (<see cref="Help"/>, the magic as invoked).</summary>
internal sealed record MagicProblem(string? Message, string? Command, KernelActionDirective? Help)
{
    public static MagicProblem Error(string message) => new(message, null, null);

    public static MagicProblem ForHelp(string command, KernelActionDirective directive) => new(null, command, directive);
}
