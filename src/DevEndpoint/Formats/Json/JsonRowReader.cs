using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Json;

/// <summary>JSON lines (see <see cref="JsonLinesFile"/>), arrays and single objects, and records under a custom classifier's JSON path.</summary>
internal sealed class JsonRowReader : FormatReader
{
    public override bool SamplesRows => true;

    protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        var compression = table.Parameter("compressionType") ?? Compression.None;
        var layout = await StartsWithArrayAsync(path, compression, cancellationToken)
            ? JsonLayout.Array
            : table.StorageDescriptor.Parameters.GetValueOrDefault(JsonLayout.Parameter, JsonLayout.Lines);
        if (layout == JsonLayout.Lines)
        {
            return new JsonLinesFile(path, table, context).Read(newColumns, cancellationToken);
        }

        var part = new ReadPart(newColumns());
        var leaves = NestedFields.Leaves(table.StorageDescriptor.Columns).DistinctBy(l => l.Column.Name).ToDictionary(l => l.Column.Name);
        var data = part.Columns.Where(b => leaves.ContainsKey(b.Column.Name)).Select(b => (b, leaves[b.Column.Name])).ToList();
        using var stream = Compression.OpenRead(path, compression);
        part.Rows = await ReadDocumentAsync(path, stream, layout, RecordsPath(table), data, context, cancellationToken);
        return [part];
    }

    /// <summary>
    /// Whether a file opens a top-level array: a table's files may mix layouts (JSON lines beside arrays of objects
    /// in one folder), so an array is recognised per file rather than from the table's <c>jsonLayout</c>.
    /// </summary>
    private static async Task<bool> StartsWithArrayAsync(string path, string compression, CancellationToken cancellationToken)
    {
        using var stream = Compression.OpenRead(path, compression);
        var buffer = new byte[4096];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var start = buffer.AsSpan(0, read);
        start = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? start[3..] : start;
        var first = start.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
        return first >= 0 && start[first] == (byte)'[';
    }

    /// <summary>The properties leading to the array of records, when a custom classifier's JSON path such as <c>$.records[*]</c> chose them.</summary>
    private static IReadOnlyList<string> RecordsPath(CatalogTable table) =>
        table.StorageDescriptor.Parameters.TryGetValue(JsonPathClassifier.PathParameter, out var path) ? JsonPathClassifier.Parse(table.Name, path) : [];

    /// <summary>
    /// A file that is one document: the elements of its top-level array (or of the array under <paramref name="recordsPath"/>),
    /// or the one object it is.
    /// </summary>
    private static async Task<long> ReadDocumentAsync(
        string path, Stream stream, string layout, IReadOnlyList<string> recordsPath, List<(ColumnSink Builder, NestedFields.Leaf Leaf)> data, ReadContext context, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new DevEndpointException($"{path}: line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: invalid JSON. Fix the file, or re-crawl the table if its data changed.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            foreach (var property in recordsPath)
            {
                root = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var inner) ? inner : default;
            }

            if (recordsPath.Count > 0 && root.ValueKind != JsonValueKind.Array)
            {
                return 0;
            }

            var records = layout == JsonLayout.Array && root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var rows = 0L;
            var sample = context.SampleFraction is { } fraction ? Sampling.Threshold(fraction) : ulong.MaxValue;
            for (var i = 0; i < records.Count && rows < context.Limit; i++)
            {
                if (sample == ulong.MaxValue || Sampling.Hash(i) < sample)
                {
                    AddRecord(path, layout == JsonLayout.Array ? $"element {i + 1}" : "the object", records[i], data);
                    rows++;
                }
            }

            return rows;
        }
    }

    private static void AddRecord(string path, string where, JsonElement record, List<(ColumnSink Builder, NestedFields.Leaf Leaf)> data)
    {
        // Column names are lower case, so keys differing only in case ("Name", "name") are one column: the first key gives its value.
        var properties = record.ValueKind == JsonValueKind.Object
            ? record.EnumerateObject().DistinctBy(p => ColumnNames.Clean(p.Name)).ToDictionary(p => ColumnNames.Clean(p.Name), p => p.Value)
            : [];
        foreach (var (builder, leaf) in data)
        {
            if (!properties.TryGetValue(leaf.Path[0], out var value) || !TryDescend(ref value, leaf.Path) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                builder.AddValue(null);
                continue;
            }

            var added = value.ValueKind switch
            {
                JsonValueKind.String => builder.TryAddText(value.GetString(), quoted: true),
                JsonValueKind.Object or JsonValueKind.Array => builder.TryAddText(value.GetRawText(), quoted: true),
                _ => builder.TryAddText(value.GetRawText(), quoted: false),
            };
            if (!added)
            {
                throw new DevEndpointException(
                    $"{path}: {where}, column '{builder.Column.Name}': cannot read '{value.GetRawText()}' as {builder.Column.Type}. Fix the value, or re-crawl the table if its data changed.");
            }
        }
    }

    /// <summary>Follows a struct leaf's path below its top-level property; <c>false</c> when a field on the way is missing or not an object.</summary>
    private static bool TryDescend(ref JsonElement value, IReadOnlyList<string> path)
    {
        for (var i = 1; i < path.Count; i++)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var found = false;
            foreach (var property in value.EnumerateObject())
            {
                if (ColumnNames.Clean(property.Name) == path[i])
                {
                    value = property.Value;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
