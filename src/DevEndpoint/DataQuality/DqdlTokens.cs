using System.Globalization;
using System.Text;

namespace DevEndpoint.DataQuality;

internal enum DqdlTokenKind
{
    Word,
    Text,
    Number,
    Symbol,
    End,
}

/// <summary>A token of a ruleset, with where it starts and where it ends (the offset after it).</summary>
internal sealed record DqdlToken(DqdlTokenKind Kind, string Value, DqdlPosition Position, int Start, int End)
{
    /// <summary>The token as an error message quotes it.</summary>
    public string Shown => Kind switch
    {
        DqdlTokenKind.End => "the end of the ruleset",
        DqdlTokenKind.Text => $"the string \"{Value}\"",
        _ => $"'{Value}'",
    };

    public bool Is(string value) => Kind is DqdlTokenKind.Word or DqdlTokenKind.Symbol && Value == value;
}

/// <summary>Splits a ruleset into words, quoted strings, numbers and symbols; <c>#</c> starts a comment to the end of the line.</summary>
internal static class DqdlTokens
{
    private static readonly string[] Symbols = [">=", "<=", "!=", "=", ">", "<", "[", "]", "(", ")", ",", "+", "-", "*", "/"];

    public static List<DqdlToken> Read(string text)
    {
        var tokens = new List<DqdlToken>();
        var (line, lineStart, i) = (1, 0, 0);
        while (true)
        {
            SkipBlanksAndComments(text, ref i, ref line, ref lineStart);
            var at = new DqdlPosition(line, i - lineStart + 1);
            if (i >= text.Length)
            {
                tokens.Add(new DqdlToken(DqdlTokenKind.End, string.Empty, at, i, i));
                return tokens;
            }

            var c = text[i];
            var token = c == '"' ? Text(text, i, at)
                : char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) ? Number(text, i, at)
                : char.IsLetter(c) || c == '_' ? Word(text, i, at)
                : Symbol(text, i, at);
            tokens.Add(token);
            i = token.End;
        }
    }

    /// <summary>Moves past white space and <c>#</c> comments, counting the lines it passes.</summary>
    private static void SkipBlanksAndComments(string text, ref int i, ref int line, ref int lineStart)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '#'))
        {
            if (text[i] == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }

            i++;
        }
    }

    /// <summary>A double-quoted string on one line; <c>\"</c> and <c>\\</c> stand for a quote and a backslash.</summary>
    private static DqdlToken Text(string text, int start, DqdlPosition at)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                i++;
            }
            else if (text[i] == '\n')
            {
                break;
            }

            value.Append(text[i]);
            i++;
        }

        if (i >= text.Length || text[i] != '"')
        {
            throw DataQualityErrors.Syntax(at, "the string that starts here has no closing quote (\") on its line");
        }

        return new DqdlToken(DqdlTokenKind.Text, value.ToString(), at, start, i + 1);
    }

    /// <summary>Digits and dots, with an optional exponent; it must read as a number.</summary>
    private static DqdlToken Number(string text, int start, DqdlPosition at)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '-' or '+'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var number = text[start..i];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? new DqdlToken(DqdlTokenKind.Number, number, at, start, i)
            : throw DataQualityErrors.Syntax(at, $"'{number}' is not a number");
    }

    private static DqdlToken Word(string text, int start, DqdlPosition at)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        return new DqdlToken(DqdlTokenKind.Word, text[start..i], at, start, i);
    }

    /// <summary>An operator or punctuation mark, the longest that matches; any other character is not DQDL.</summary>
    private static DqdlToken Symbol(string text, int start, DqdlPosition at) =>
        Symbols.FirstOrDefault(s => string.CompareOrdinal(text, start, s, 0, s.Length) == 0) is { } symbol
            ? new DqdlToken(DqdlTokenKind.Symbol, symbol, at, start, start + symbol.Length)
            : throw DataQualityErrors.Syntax(at, $"'{text[start]}' is not part of DQDL; expected a rule, a quoted string, a number or an operator");
}
