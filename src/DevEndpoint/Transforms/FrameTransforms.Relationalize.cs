using System.Text.Json;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// Flattens nested records as Glue's Relationalize: text columns of JSON objects become columns by path (see
    /// <see cref="Unbox"/>), and each text column of JSON arrays becomes a child frame <c>{root}_{column}</c> with one row
    /// per element: <c>id</c> (the parent row's key), <c>index</c> (the element's position) and the element's fields
    /// (<c>items.sku</c>; <c>items.val</c> for a value that is not an object). In the parent, the column holds the key the
    /// child's <c>id</c> joins on (null for a null array). Nested arrays make children of children. The root frame is
    /// named <paramref name="rootName"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, DataFrame> Relationalize(this DataFrame frame, string rootName = "root")
    {
        var frames = new Dictionary<string, DataFrame>(StringComparer.Ordinal);
        Relationalize(FrameColumns.RequireFrame(frame, nameof(Relationalize)), FrameColumns.RequireArgument(rootName, nameof(Relationalize), "the root name", "a name for the root frame, such as \"root\""), frames);
        return frames;
    }

    private static void Relationalize(DataFrame frame, string name, Dictionary<string, DataFrame> frames)
    {
        while (frame.Columns.FirstOrDefault(c => JsonKind(c) == JsonValueKind.Object) is { } objects)
        {
            frame = frame.Unbox(objects.Name).Frame;
        }

        var columns = new List<DataFrameColumn>();
        foreach (var column in frame.Columns)
        {
            if (JsonKind(column) != JsonValueKind.Array)
            {
                columns.Add(column.Clone());
                continue;
            }

            var keys = new Int64DataFrameColumn(column.Name, column.Length);
            var ids = new List<long?>();
            var indexes = new List<int?>();
            var elements = new List<string?>();
            for (long row = 0; row < column.Length; row++)
            {
                if (column[row] is not string text)
                {
                    continue;
                }

                keys[row] = row;
                using var array = JsonDocument.Parse(text);
                foreach (var (element, index) in array.RootElement.EnumerateArray().Select((e, i) => (e, i)))
                {
                    ids.Add(row);
                    indexes.Add(index);
                    elements.Add(element.ValueKind == JsonValueKind.Object ? element.GetRawText() : $$"""{"val":{{element.GetRawText()}}}""");
                }
            }

            columns.Add(keys);
            var child = new DataFrame(
                new Int64DataFrameColumn("id", ids),
                new Int32DataFrameColumn("index", indexes),
                new StringDataFrameColumn(column.Name, elements));
            Relationalize(child, $"{name}_{column.Name}", frames);
        }

        frames.Add(name, new DataFrame(columns));
    }

    /// <summary>Whether a text column holds JSON objects only, or arrays only (and at least one): what Relationalize takes apart.</summary>
    private static JsonValueKind JsonKind(DataFrameColumn column)
    {
        if (column.DataType != typeof(string) || column.NullCount == column.Length)
        {
            return JsonValueKind.Undefined;
        }

        var kind = JsonValueKind.Undefined;
        for (long row = 0; row < column.Length; row++)
        {
            if (column[row] is not string text)
            {
                continue;
            }

            var trimmed = text.TrimStart();
            var expected = trimmed.StartsWith('{') ? JsonValueKind.Object : trimmed.StartsWith('[') ? JsonValueKind.Array : JsonValueKind.Undefined;
            if (expected == JsonValueKind.Undefined || (kind != JsonValueKind.Undefined && kind != expected) || !IsJson(text))
            {
                return JsonValueKind.Undefined;
            }

            kind = expected;
        }

        return kind;

        static bool IsJson(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
