using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// A Delta table's schema (the log's <c>schemaString</c>, Spark's JSON form) as catalog columns in Hive's types, with
/// the names of its fields in the data files (column mapping) and their types, for statistics and partition values.
/// </summary>
internal sealed class DeltaSchema
{
    private DeltaSchema(List<Field> fields, Dictionary<string, string> physicalNames)
    {
        Fields = fields;
        PhysicalNames = physicalNames;
    }

    /// <summary>The top-level fields: logical name (as the catalog keeps it), physical name, Hive type.</summary>
    public List<Field> Fields { get; }

    /// <summary>By the logical path of a field (<c>a.b</c>), its name in the data files, where column mapping renames it.</summary>
    public Dictionary<string, string> PhysicalNames { get; }

    public static DeltaSchema Parse(string root, string schemaString)
    {
        JsonElement schema;
        try
        {
            schema = JsonDocument.Parse(schemaString).RootElement;
        }
        catch (JsonException e)
        {
            throw new DevEndpointException(
                $"Delta table {root}: the schema in its log is not valid JSON ({e.Message.TrimEnd('.')}). The log is damaged; rewrite the table with a Delta writer.", e);
        }

        var physical = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new List<Field>();
        foreach (var field in schema.GetProperty("fields").EnumerateArray())
        {
            var name = ColumnNames.Clean(field.GetProperty("name").GetString()!);
            var physicalName = PhysicalName(field);
            if (physicalName is not null)
            {
                physical[name] = physicalName;
            }

            fields.Add(new Field(name, physicalName ?? field.GetProperty("name").GetString()!, HiveType(field.GetProperty("type"), name, physical)));
        }

        return new DeltaSchema(fields, physical);
    }

    private static string? PhysicalName(JsonElement field) =>
        field.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("delta.columnMapping.physicalName", out var name) ? name.GetString() : null;

    /// <summary>Spark's type as Hive writes it; struct fields under <paramref name="path"/> add their physical names.</summary>
    private static string HiveType(JsonElement type, string path, Dictionary<string, string> physical)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            var name = type.GetString()!;
            return name switch
            {
                "long" => "bigint",
                "integer" => "int",
                "short" => "smallint",
                "byte" => "tinyint",
                "timestamp_ntz" => "timestamp",
                "string" or "boolean" or "float" or "double" or "binary" or "date" or "timestamp" => name,
                _ when name.StartsWith("decimal", StringComparison.Ordinal) => name.Replace(" ", string.Empty, StringComparison.Ordinal),
                _ => "string",
            };
        }

        switch (type.GetProperty("type").GetString())
        {
            case "struct":
                var fields = new List<string>();
                foreach (var field in type.GetProperty("fields").EnumerateArray())
                {
                    var name = ColumnNames.Clean(field.GetProperty("name").GetString()!);
                    var fieldPath = $"{path}.{name}";
                    if (PhysicalName(field) is { } physicalName)
                    {
                        physical[fieldPath] = physicalName;
                    }

                    fields.Add($"{name}:{HiveType(field.GetProperty("type"), fieldPath, physical)}");
                }

                return $"struct<{string.Join(',', fields)}>";
            case "array":
                return $"array<{HiveType(type.GetProperty("elementType"), path + "[]", physical)}>";
            case "map":
                return $"map<{HiveType(type.GetProperty("keyType"), path + "{}", physical)},{HiveType(type.GetProperty("valueType"), path + "{}", physical)}>";
            default:
                return "string";
        }
    }

    /// <summary>A top-level field: <paramref name="Name"/> as the catalog keeps it, <paramref name="PhysicalName"/> as the files and the log's maps name it.</summary>
    internal sealed record Field(string Name, string PhysicalName, string Type)
    {
        public Column ToColumn() => new(Name, Type);
    }
}
