using System.Text.Json;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Json;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// Parses column <paramref name="name"/>, JSON objects as text, into typed columns where it was: one per field, named
    /// by its path as a load names struct fields (<c>payload.customer.id</c>), typed as the crawler types JSON (fields
    /// whose values conflict become <c>string</c>; arrays stay JSON text, as written). A value that is not a JSON object is an error
    /// record, with nulls in its row's new columns.
    /// </summary>
    public static TransformResult Unbox(this DataFrame frame, string name)
    {
        const string transform = nameof(Unbox);
        var source = FrameColumns.Require(frame, name, transform);
        if (source.DataType != typeof(string))
        {
            throw TransformErrors.NotJsonText(name, FrameColumns.HiveType(source));
        }

        var errors = new RowErrors(transform);
        var records = new List<Dictionary<string, JsonElement>?>();
        var type = InferredType.Null;
        for (long row = 0; row < source.Length; row++)
        {
            var text = (string?)source[row];
            var record = text is null ? null : Parse(text, row);
            if (record is not null)
            {
                type = type.Widen(JsonLinesSniffer.Infer(record.Value));
            }

            records.Add(record is null ? null : Leaves(name, record.Value, []));
        }

        var leaves = NestedColumns.Leaves([type.ToColumn(name)]);
        var builders = leaves.Select(l => ColumnBuilder.For(l.Column)).ToList();
        foreach (var record in records)
        {
            foreach (var builder in builders)
            {
                var text = record is not null && record.TryGetValue(builder.Column.Name, out var value) && value.ValueKind != JsonValueKind.Null
                    ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                    : null;
                if (!builder.TryAddText(text, quoted: true))
                {
                    throw new InvalidOperationException($"Unbox typed '{builder.Column.Name}' as {builder.Column.Type} from values that include '{text}', which it does not read.");
                }
            }
        }

        if (builders.FirstOrDefault(b => b.Column.Name != name && frame.Columns.IndexOf(b.Column.Name) >= 0) is { } clash)
        {
            throw TransformErrors.ColumnExists(transform, clash.Column.Name, "unboxing column '" + name + "'");
        }

        var columns = new List<DataFrameColumn>();
        foreach (var c in frame.Columns)
        {
            columns.AddRange(c == source ? builders.Select(b => b.Build()) : [c.Clone()]);
        }

        return errors.Result(new DataFrame(columns));

        JsonElement? Parse(string text, long row)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.Clone();
                }

                errors.Add(row, name, text, $"not a JSON object but a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }
            catch (JsonException e)
            {
                errors.Add(row, name, text, $"not JSON: {e.Message}");
            }

            return null;
        }
    }

    /// <summary>A JSON object's values by their column path (<c>payload.customer.id</c>), keys cleaned as column names; the first of two keys that clean alike wins.</summary>
    private static Dictionary<string, JsonElement> Leaves(string prefix, JsonElement record, Dictionary<string, JsonElement> leaves)
    {
        foreach (var property in record.EnumerateObject())
        {
            var path = $"{prefix}.{ColumnNames.Clean(property.Name)}";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Leaves(path, property.Value, leaves);
            }
            else
            {
                leaves.TryAdd(path, property.Value);
            }
        }

        return leaves;
    }
}
