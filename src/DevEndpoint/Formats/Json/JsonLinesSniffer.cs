using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Json;

/// <summary>Infers the schema of a JSON lines file (one object per line) from a sample of its first lines.</summary>
internal static class JsonLinesSniffer
{
    public static FileSchema Sniff(TextSample sample, string path, string compression, SampleOptions options)
    {
        var fields = new List<KeyValuePair<string, InferredType>>();
        var records = 0L;
        var lineNumber = 0;
        using var reader = new StringReader(sample.Text);
        string? line;
        var lastLine = sample.Complete ? -1 : CountLines(sample.Text);
        while (records < options.MaxRecords && (line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == lastLine || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            InferredType type;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new BadFileException(path, $"line {lineNumber} holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object. Each line of a JSON lines file must be one object.");
                }

                type = Infer(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new BadFileException(path, $"line {lineNumber}, column {e.BytePositionInLine + 1}: invalid JSON ({FirstSentence(e.Message)}). Each line of a JSON lines file must be one object.");
            }

            InferredType.MergeFields(fields, type.Fields!);
            records++;
        }

        return new FileSchema
        {
            Classification = "json",
            Compression = compression,
            Columns = fields.Select(f => f.Value.ToColumn(f.Key)).ToList(),
            RecordCount = sample.EstimateRecords(records),
            AverageRecordSize = records == 0 ? 0 : sample.StoredBytesRead / records,
            SizeBytes = sample.FileSize,
            Parameters = new Dictionary<string, string> { [JsonLayout.Parameter] = JsonLayout.Lines },
        };
    }

    internal static InferredType Infer(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => InferredType.Null,
        JsonValueKind.True or JsonValueKind.False => InferredType.Boolean,
        JsonValueKind.String => InferString(element.GetString()!),
        JsonValueKind.Number when element.TryGetInt64(out _) => Integer(element.GetRawText()),
        JsonValueKind.Number => InferredType.Double,
        JsonValueKind.Array => new InferredType(
            TypeKind.Array,
            Element: element.EnumerateArray().Aggregate(InferredType.Null, (t, e) => t.Widen(Infer(e)))),
        _ => InferObject(element),
    };

    private static InferredType Integer(string text) => InferredType.Integer(text, text.TrimStart('-').Length);

    /// <summary>
    /// A JSON string is text unless it is an ISO 8601 date (<c>2024-01-31</c>) or timestamp (<c>2024-01-31 10:00:00</c>,
    /// <c>2024-01-31T10:00:00Z</c>): JSON has no date type, so dates travel as such strings, and DuckDB and Spark read
    /// them as dates too. Other forms (day-first, month names) stay text.
    /// </summary>
    private static InferredType InferString(string text) =>
        text.Length == 10 && (IsoText.IsDate(text) || TextValues.TryParseDate(text, out _)) ? InferredType.Date
        : text.Length >= 16 && text[4] == '-' && (IsoText.IsTimestamp(text) || TextValues.TryParseTimestamp(text, out _)) ? InferredType.Timestamp
        : InferredType.String;

    private static InferredType InferObject(JsonElement element)
    {
        var fields = new List<KeyValuePair<string, InferredType>>();
        InferredType.MergeFields(fields, element.EnumerateObject().Select(p => new KeyValuePair<string, InferredType>(ColumnNames.Clean(Name(p)), Infer(p.Value))));
        return new InferredType(TypeKind.Struct, Fields: fields);
    }

    /// <summary>A key's text; a key escaping half a surrogate pair (<c>"\uDFAA"</c>) is not text, so the JSON is invalid for a table.</summary>
    private static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException($"a key is not valid text: {FirstSentence(e.Message)}", e);
        }
    }

    private static int CountLines(string text) => text.Count(c => c == '\n') + 1;

    internal static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
