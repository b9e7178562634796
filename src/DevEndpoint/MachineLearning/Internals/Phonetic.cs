namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// A sound code of a word for blocking, in the spirit of Soundex: the first letter, then the consonant classes of the
/// rest with vowels, h, w, y and doubled letters dropped, repeats of a class collapsed and at most 4 classes kept, so
/// that "russell" and "ruusesll" or "smith" and "smyth" share a key.
/// </summary>
internal static class Phonetic
{
    public static string Code(string word)
    {
        Span<char> code = stackalloc char[5];
        code[0] = word[0];
        var length = 1;
        var last = Class(word[0]);
        for (var i = 1; i < word.Length && length < code.Length; i++)
        {
            var current = Class(word[i]);
            if (current != '0' && current != last)
            {
                code[length++] = current;
            }

            if (current != '0')
            {
                last = current;
            }
        }

        return new string(code[..length]);
    }

    private static char Class(char letter) => letter switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
