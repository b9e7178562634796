namespace DevEndpoint.Formats;

/// <summary>The lines of a text (split at <c>\n</c>, as <c>Split('\n')</c> would), cut one at a time as they are asked for.</summary>
internal static class TextLines
{
    /// <summary>The first <paramref name="count"/> pieces of the text between line breaks (the last one even when cut short).</summary>
    public static IEnumerable<string> First(string text, int count) => Whole(text, complete: true).Take(count);

    /// <summary>The lines of a sample: the piece after its last line break only when the sample holds the whole file.</summary>
    public static IEnumerable<string> Whole(string text, bool complete)
    {
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                if (complete)
                {
                    yield return text[start..];
                }

                yield break;
            }

            yield return text[start..newline];
            start = newline + 1;
        }
    }
}
