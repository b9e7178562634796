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
        DqdlPosition At(int offset) => new(line, offset - lineStart + 1);
        while (true)
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

            if (i >= text.Length)
            {
                tokens.Add(new DqdlToken(DqdlTokenKind.End, string.Empty, At(i), i, i));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (c == '"')
            {
                var value = new StringBuilder();
                i++;
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
                    throw DataQualityErrors.Syntax(At(start), "the string that starts here has no closing quote (\") on its line");
                }

                i++;
                tokens.Add(new DqdlToken(DqdlTokenKind.Text, value.ToString(), At(start), start, i));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
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
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw DataQualityErrors.Syntax(At(start), $"'{number}' is not a number");
                }

                tokens.Add(new DqdlToken(DqdlTokenKind.Number, number, At(start), start, i));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new DqdlToken(DqdlTokenKind.Word, text[start..i], At(start), start, i));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol)
            {
                i += symbol.Length;
                tokens.Add(new DqdlToken(DqdlTokenKind.Symbol, symbol, At(start), start, i));
            }
            else
            {
                throw DataQualityErrors.Syntax(At(start), $"'{c}' is not part of DQDL; expected a rule, a quoted string, a number or an operator");
            }
        }
    }
}
