using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Json;

/// <summary>Infers the schema of a JSON file that is one document: a top-level array of objects, or a single object.</summary>
internal static class JsonDocumentSniffer
{
    /// <summary>
    /// Each element of the top-level array is a record. A sample that ends inside the array (a large file) stops at
    /// the last whole element and the record count is extrapolated. Text whose first element is not a whole object
    /// (<c>[1,2]</c>, <c>[10.0.0.1]</c> in a CSV file) is not JSON records: <c>null</c>, for the other classifiers to decide;
    /// after a first object, invalid JSON or an element that is not an object makes a bad file.
    /// </summary>
    public static FileSchema? SniffArray(TextSample sample, string path, string compression, SampleOptions options)
    {
        var bytes = Encoding.UTF8.GetBytes(sample.Text);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: sample.Complete, state: default);
        var fields = new List<KeyValuePair<string, InferredType>>();
        var records = 0L;
        try
        {
            reader.Read();
            while (records < options.MaxRecords && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (!JsonDocument.TryParseValue(ref reader, out var element))
                {
                    break;
                }

                using (element)
                {
                    if (element.RootElement.ValueKind != JsonValueKind.Object && records == 0)
                    {
                        return null;
                    }

                    if (element.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new BadFileException(path, $"element {records + 1} of its top-level array is a JSON {Kind(element.RootElement)}, not an object. A JSON file must hold objects: one per line, an array of them, or one.");
                    }

                    InferredType.MergeFields(fields, JsonLinesSniffer.Infer(element.RootElement).Fields!);
                }

                records++;
            }

            if (records == options.MaxRecords || !sample.Complete)
            {
                return Schema(JsonLayout.Array, fields, sample.EstimateRecords(records), compression, sample, records);
            }

            while (reader.Read())
            {
            }
        }
        catch (JsonException e) when (records > 0)
        {
            throw Invalid(path, e);
        }
        catch (JsonException)
        {
            return null;
        }

        return Schema(JsonLayout.Array, fields, records, compression, sample, records);
    }

    /// <summary>A file that is one object (spanning lines); <c>null</c> when the sample does not hold one whole object.</summary>
    public static FileSchema? SniffObject(TextSample sample, string compression)
    {
        if (!sample.Complete)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(sample.Text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Schema(JsonLayout.Object, JsonLinesSniffer.Infer(document.RootElement).Fields!.ToList(), 1, compression, sample, 1)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The records of the array a JSON path such as <c>$.data.items[*]</c> selects (<paramref name="properties"/> are
    /// <c>data</c>, <c>items</c>); <c>null</c> when the sample is not one whole document or the path selects no array of objects.
    /// </summary>
    public static FileSchema? SniffPath(TextSample sample, string compression, IReadOnlyList<string> properties, SampleOptions options)
    {
        if (!sample.Complete)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(sample.Text);
            var node = document.RootElement;
            foreach (var property in properties)
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out node))
                {
                    return null;
                }
            }

            if (node.ValueKind != JsonValueKind.Array || node.GetArrayLength() == 0 || node.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            {
                return null;
            }

            var fields = new List<KeyValuePair<string, InferredType>>();
            foreach (var record in node.EnumerateArray().Take(options.MaxRecords))
            {
                InferredType.MergeFields(fields, JsonLinesSniffer.Infer(record).Fields!);
            }

            return Schema(JsonLayout.Array, fields, node.GetArrayLength(), compression, sample, node.GetArrayLength());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FileSchema Schema(string layout, List<KeyValuePair<string, InferredType>> fields, long count, string compression, TextSample sample, long sampled) => new()
    {
        Classification = "json",
        Compression = compression,
        Columns = fields.Select(f => f.Value.ToColumn(f.Key)).ToList(),
        RecordCount = count,
        AverageRecordSize = sampled == 0 ? 0 : sample.StoredBytesRead / sampled,
        SizeBytes = sample.FileSize,
        Parameters = new Dictionary<string, string> { [JsonLayout.Parameter] = layout },
    };

    private static BadFileException Invalid(string path, JsonException e) =>
        new(path, $"line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: invalid JSON ({JsonLinesSniffer.FirstSentence(e.Message)}). Fix the file, or leave it out with --exclude.", e);

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
