using System.Text;
using System.Text.RegularExpressions;

namespace DevEndpoint.MachineLearning.Pii;

/// <summary>
/// The words around a candidate entity: its column's name and the text just before it in the value, lower case with
/// camel case and punctuation split into words. Weak types (a bank account is any run of digits) need a keyword here.
/// </summary>
internal readonly struct PiiContext(string column, string value)
{
    /// <summary>How many characters before a candidate count as its context.</summary>
    private const int Window = 40;

    private readonly string column = Normalize(column);

    /// <summary>Whether <paramref name="keywords"/> match the column name or the text up to <see cref="Window"/> characters before <paramref name="offset"/>.</summary>
    public bool Has(Regex keywords, int offset) =>
        keywords.IsMatch(column) || (offset > 0 && keywords.IsMatch(Normalize(value[Math.Max(0, offset - Window)..offset])));

    public static string Normalize(string text)
    {
        var words = new StringBuilder(text.Length + 8).Append(' ');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]))
                {
                    words.Append(' ');
                }

                words.Append(char.ToLowerInvariant(c));
            }
            else if (words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        return words.Append(' ').ToString();
    }
}
