using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Json;

/// <summary>Infers the schema of a JSON lines file (one object per line) from a sample of its first lines.</summary>
internal static class JsonLinesSniffer
{
    /// <summary>Strings of up to this many bytes are decoded on the stack to tell dates and timestamps from text.</summary>
    private const int MaxStackText = 128;

    /// <summary>The ASCII characters <see cref="char.IsWhiteSpace(char)"/> counts, but for the line breaks.</summary>
    private static ReadOnlySpan<byte> Blank => " \t\v\f\x1C\x1D\x1E\x1F"u8;

    /// <summary>Whether a line is white space only (<see cref="string.IsNullOrWhiteSpace(string)"/>), such as lines between records.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOfAnyExcept(Blank);
        return first < 0 || (line[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)));
    }

    public static FileSchema Sniff(TextSample sample, string path, string compression, SampleOptions options)
    {
        var fields = new List<KeyValuePair<string, InferredType>>();
        var records = 0L;
        var lineNumber = 0;
        var lastLine = sample.Complete ? -1 : CountLines(sample.Text);
        var names = new NameCache();
        ReadOnlySpan<byte> rest = Encoding.UTF8.GetBytes(sample.Text);
        while (records < options.MaxRecords && !rest.IsEmpty)
        {
            // Lines end as TextReader.ReadLine ends them: at a line feed, a carriage return, or the two together.
            var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
            lineNumber++;
            if (lineNumber == lastLine || IsBlank(line))
            {
                continue;
            }

            InferredType.MergeFields(fields, InferLine(line, lineNumber, path, names));
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

    /// <summary>The fields of one line's object, read with a <see cref="Utf8JsonReader"/> (no document per line).</summary>
    private static IReadOnlyList<KeyValuePair<string, InferredType>> InferLine(ReadOnlySpan<byte> line, int lineNumber, string path, NameCache names)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            reader.Read();
            var kind = reader.TokenType;
            var isObject = kind == JsonTokenType.StartObject;
            IReadOnlyList<KeyValuePair<string, InferredType>> fields = isObject ? InferObject(ref reader, names) : [];
            if (!isObject)
            {
                reader.Skip();
            }

            // The reader throws on anything but white space after the value, as a document would.
            reader.Read();
            return isObject ? fields : throw new BadFileException(path, $"line {lineNumber} holds a JSON {Kind(kind)}, not an object. Each line of a JSON lines file must be one object.");
        }
        catch (JsonException e)
        {
            throw new BadFileException(path, $"line {lineNumber}, column {e.BytePositionInLine + 1}: invalid JSON ({FirstSentence(e.Message)}). Each line of a JSON lines file must be one object.");
        }
    }

    /// <summary>The fields of the object the reader is at the start of; leaves the reader at its end.</summary>
    private static List<KeyValuePair<string, InferredType>> InferObject(ref Utf8JsonReader reader, NameCache names)
    {
        var fields = new List<KeyValuePair<string, InferredType>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = names.Clean(ref reader);
            reader.Read();
            var type = Infer(ref reader, names);
            if (InferredType.IndexOf(fields, name) is var index and >= 0)
            {
                fields[index] = new(name, fields[index].Value.Widen(type));
            }
            else
            {
                fields.Add(new(name, type));
            }
        }

        return fields;
    }

    /// <summary>The type of the value the reader is at (for an object or array, at its start; the reader ends at its end).</summary>
    private static InferredType Infer(ref Utf8JsonReader reader, NameCache names)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True or JsonTokenType.False:
                return InferredType.Boolean;
            case JsonTokenType.String:
                return InferString(ref reader);
            case JsonTokenType.Number when reader.TryGetInt64(out var value):
                var digits = reader.ValueSpan.Length - (reader.ValueSpan[0] == '-' ? 1 : 0);
                return value is >= int.MinValue and <= int.MaxValue ? new(TypeKind.Int, digits) : new(TypeKind.BigInt, digits);
            case JsonTokenType.Number:
                return InferredType.Double;
            case JsonTokenType.StartArray:
                var element = InferredType.Null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    element = element.Widen(Infer(ref reader, names));
                }

                return new InferredType(TypeKind.Array, Element: element);
            case JsonTokenType.StartObject:
                return new InferredType(TypeKind.Struct, Fields: InferObject(ref reader, names));
            default:
                return InferredType.Null;
        }
    }

    /// <summary>
    /// A string's type by the rules of <see cref="InferString(string)"/>, decoded into a buffer on the stack (as text only
    /// when it may be a date or timestamp in a form other than ISO 8601's).
    /// </summary>
    private static InferredType InferString(ref Utf8JsonReader reader)
    {
        var bytes = reader.ValueSpan.Length;
        if (bytes < 10)
        {
            // Characters never outnumber the bytes that encode them (escapes only add bytes): too short for a date.
            return InferredType.String;
        }

        if (bytes > MaxStackText)
        {
            return InferString(reader.GetString()!);
        }

        Span<char> buffer = stackalloc char[MaxStackText];
        var text = buffer[..reader.CopyString(buffer)];
        return text.Length == 10 ? (IsoText.IsDate(text) ? InferredType.Date : InferString(text.ToString()))
            : text.Length >= 16 && text[4] == '-' ? (IsoText.IsTimestamp(text) ? InferredType.Timestamp : InferString(text.ToString()))
            : InferredType.String;
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

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>
    /// Cleaned property names by their UTF-8 bytes: records mostly repeat their keys in the same order, so a key is
    /// compared with the one after the last found first, and cleaned (and decoded) once per file.
    /// </summary>
    private sealed class NameCache
    {
        private const int MaxNames = 1024;
        private readonly List<(byte[] Utf8, string Name)> names = [];
        private int last = -1;

        public string Clean(ref Utf8JsonReader reader)
        {
            var utf8 = reader.ValueIsEscaped ? default : reader.ValueSpan;
            if (!utf8.IsEmpty)
            {
                for (var i = 1; i <= names.Count; i++)
                {
                    var at = (last + i) % names.Count;
                    if (utf8.SequenceEqual(names[at].Utf8))
                    {
                        last = at;
                        return names[at].Name;
                    }
                }
            }

            var name = ColumnNames.Clean(Text(ref reader));
            if (!utf8.IsEmpty && names.Count < MaxNames)
            {
                names.Add((utf8.ToArray(), name));
                last = names.Count - 1;
            }

            return name;
        }

        /// <summary>A key's text; a key escaping half a surrogate pair (<c>"\uDFAA"</c>) is not text, so the JSON is invalid for a table.</summary>
        private static string Text(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException e)
            {
                throw new JsonException($"a key is not valid text: {FirstSentence(e.Message)}", e);
            }
        }
    }

    internal static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
