namespace DevEndpoint.Formats.Json;

/// <summary>
/// JSON whose records are objects: one object per line, a top-level array of objects, or one object spanning lines.
/// An object or array of objects that turns invalid is a bad file with its reason. JSON that holds no records (a scalar,
/// an array of numbers) is not a table: it is left to the other classifiers, and is UNKNOWN when none takes it.
/// </summary>
internal sealed class JsonClassifier : IClassifier
{
    public string Name => "json";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(FirstCharacter(file.Text.Text) switch
        {
            '{' => Classification.Certain(ObjectsOrLines(file)),
            '[' when JsonDocumentSniffer.SniffArray(file.Text, file.Path, file.Compression, file.Options) is { } array => Classification.Certain(array),
            _ => Classification.No,
        });

    private static FileSchema ObjectsOrLines(FileProbe file)
    {
        try
        {
            return JsonLinesSniffer.Sniff(file.Text, file.Path, file.Compression, file.Options);
        }
        catch (BadFileException) when (JsonDocumentSniffer.SniffObject(file.Text, file.Compression) is { } single)
        {
            return single;
        }
    }

    private static char? FirstCharacter(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return null;
    }
}
