using System.Text.RegularExpressions;

namespace DevEndpoint.MachineLearning.Pii;

/// <summary>
/// Finds people's names: runs of capitalised words (<c>Mary Ann O'Brien</c>, <c>John F. Kennedy</c>) that start with a
/// common given name, and <c>Surname, Given</c>. In a column or after words that speak of names (<c>customer_name</c>,
/// <c>Mr</c>), a single known given name or surname, or any two or three capitalised words, is a name too.
/// </summary>
internal static partial class PersonNames
{
    private static readonly HashSet<string> Titles = new(["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof"], StringComparer.Ordinal);

    public static IEnumerable<PiiMatch> Find(string value, PiiContext context)
    {
        foreach (Match inverted in InvertedPattern().Matches(value))
        {
            var given = inverted.Groups["given"].Value;
            if (CommonNames.Given.Contains(given) || context.Has(NameWords(), inverted.Index))
            {
                yield return new(PiiEntityTypes.PersonName, inverted.Index, inverted.Length);
            }
        }

        foreach (Match run in RunPattern().Matches(value))
        {
            var words = run.Groups["word"].Captures.ToList();
            if (words.Count >= 2 && Titles.Contains(words[0].Value))
            {
                var name = words[1..Math.Min(words.Count, 4)];
                yield return new(PiiEntityTypes.PersonName, name[0].Index, name[^1].Index + name[^1].Length - name[0].Index);
                continue;
            }

            var first = Enumerable.Range(0, words.Count).FirstOrDefault(i => CommonNames.Given.Contains(words[i].Value), -1);
            if (first >= 0 && words.Count - first >= 2)
            {
                var end = words[Math.Min(words.Count, first + 3) - 1];
                yield return new(PiiEntityTypes.PersonName, words[first].Index, end.Index + end.Length - words[first].Index);
            }
            else if (words.Count <= 3 && context.Has(NameWords(), words[0].Index)
                && (words.Count >= 2 || CommonNames.Given.Contains(words[0].Value) || CommonNames.Surnames.Contains(words[0].Value)))
            {
                yield return new(PiiEntityTypes.PersonName, words[0].Index, words[^1].Index + words[^1].Length - words[0].Index);
            }
        }
    }

    /// <summary>Capitalised words (<c>O'Brien</c>, <c>McDonald</c>, <c>Smith-Jones</c>) in a run, initials (<c>F.</c>) between them.</summary>
    [GeneratedRegex(@"(?<![\p{L}'.-])(?<word>(?:O'|Mc|Mac|D')?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s+(?:\p{Lu}\.\s+)?(?<word>(?:O'|Mc|Mac|D')?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?))*(?![\p{L}'-])")]
    private static partial Regex RunPattern();

    [GeneratedRegex(@"(?<![\p{L}'.-])(?:O'|Mc|Mac|D')?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?,\s*(?<given>\p{Lu}\p{Ll}+)(?![\p{L}'-])")]
    private static partial Regex InvertedPattern();

    [GeneratedRegex(@"(?:name|surname|forename) | (?:mr|mrs|ms|miss|dr) ")]
    private static partial Regex NameWords();
}
