namespace DevEndpoint.Formats.Json;

/// <summary>
/// JSON whose records are objects: one object per line, a top-level array of objects, or one object spanning lines.
/// Text that opens like JSON but is not valid JSON, or holds no objects, is a bad file with its reason; JSON scalars are
/// not tables and are left to the other classifiers.
/// </summary>
internal sealed class JsonClassifier : IClassifier
{
    public string Name => "json";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(FirstCharacter(file.Text.Text) switch
        {
            '{' => Classification.Certain(ObjectsOrLines(file)),
            '[' => Classification.Certain(JsonDocumentSniffer.SniffArray(file.Text, file.Path, file.Compression, file.Options)),
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
