using System.Globalization;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Avro;

/// <summary>
/// Maps an Avro schema (JSON) to Hive types: primitives by name, logical types exactly (decimal, date, timestamps),
/// records to structs, arrays and maps, enums to string, fixed to binary; a union with null is its other branch, a union
/// of several types is string (Glue's choice).
/// </summary>
internal sealed class AvroTypes
{
    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

    /// <summary>The table columns of a container file's schema: the fields of its top-level record.</summary>
    public static IReadOnlyList<Column> Columns(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || TypeName(schema) != "record")
        {
            throw new InvalidDataException($"its schema is {Describe(schema)}, not a record; only records make table rows");
        }

        var types = new AvroTypes();
        types.Register(schema, "string");
        return Fields(schema).Select(f => new Column(ColumnNames.Clean(f.Name), types.Hive(f.Type))).ToList();
    }

    private string Hive(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.String => Named(schema.GetString()!),
        JsonValueKind.Array => Union(schema),
        JsonValueKind.Object => Complex(schema),
        _ => throw new InvalidDataException($"its schema holds {Describe(schema)} where a type belongs"),
    };

    private string Named(string name) => name switch
    {
        "null" or "string" => "string",
        "boolean" => "boolean",
        "int" => "int",
        "long" => "bigint",
        "float" => "float",
        "double" => "double",
        "bytes" => "binary",
        _ => named.TryGetValue(name, out var type) || named.TryGetValue(name[(name.LastIndexOf('.') + 1)..], out type)
            ? type
            : throw new InvalidDataException($"its schema names the type '{name}', which it does not define"),
    };

    private string Union(JsonElement branches)
    {
        var types = branches.EnumerateArray().Where(b => !(b.ValueKind == JsonValueKind.String && b.GetString() == "null")).ToList();
        return types.Count == 1 ? Hive(types[0]) : "string";
    }

    private string Complex(JsonElement schema)
    {
        var type = TypeName(schema);
        var logical = schema.TryGetProperty("logicalType", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        return (type, logical) switch
        {
            ("bytes" or "fixed", "decimal") => Register(schema, Decimal(schema)),
            ("int", "date") => "date",
            ("long", "timestamp-millis" or "timestamp-micros" or "timestamp-nanos"
                or "local-timestamp-millis" or "local-timestamp-micros" or "local-timestamp-nanos") => "timestamp",
            ("record" or "error", _) => Register(schema, Struct(schema)),
            ("enum", _) => Register(schema, "string"),
            ("fixed", _) => Register(schema, "binary"),
            ("array", _) => $"array<{Hive(Property(schema, "items"))}>",
            ("map", _) => $"map<string,{Hive(Property(schema, "values"))}>",
            _ => Hive(Property(schema, "type")),
        };
    }

    private string Struct(JsonElement record)
    {
        // Register the name first: a record may refer to itself (a linked list); Hive cannot, so the inner one is a string.
        Register(record, "string");
        return $"struct<{string.Join(",", Fields(record).Select(f => $"{ColumnNames.Clean(f.Name)}:{Hive(f.Type)}"))}>";
    }

    private static string Decimal(JsonElement schema)
    {
        var precision = schema.TryGetProperty("precision", out var p) && p.TryGetInt32(out var pv) ? pv : throw new InvalidDataException("its schema has a decimal without a precision");
        var scale = schema.TryGetProperty("scale", out var s) && s.TryGetInt32(out var sv) ? sv : 0;
        return string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{scale})");
    }

    private string Register(JsonElement schema, string hive)
    {
        if (schema.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            var full = name.GetString()!;
            named[full] = hive;
            named[full[(full.LastIndexOf('.') + 1)..]] = hive;
            if (schema.TryGetProperty("namespace", out var space) && space.ValueKind == JsonValueKind.String && !full.Contains('.'))
            {
                named[$"{space.GetString()}.{full}"] = hive;
            }
        }

        return hive;
    }

    private static IEnumerable<(string Name, JsonElement Type)> Fields(JsonElement record) =>
        Property(record, "fields").EnumerateArray().Select(f => (Property(f, "name").GetString() ?? string.Empty, Property(f, "type")));

    private static string TypeName(JsonElement schema) =>
        Property(schema, "type") is { ValueKind: JsonValueKind.String } type ? type.GetString()! : string.Empty;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"its schema has {Describe(element)} without \"{name}\"");

    private static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? "an object" : $"the JSON {element.ValueKind.ToString().ToLowerInvariant()} {element.GetRawText()}";
}
