using System.Buffers;
using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Avro;

/// <summary>
/// The Avro schema of a table's columns, as the SerDe parameter <c>avro.schema.literal</c> that Glue's crawler writes and
/// Hive's AvroSerDe reads the columns from: a record of nullable fields (default <c>null</c>), one a column, each Hive
/// type as Avro writes it (<c>date</c> and <c>timestamp-millis</c>, <c>decimal</c> on bytes, records for structs).
/// </summary>
internal static class AvroSchemaLiteral
{
    public const string Parameter = "avro.schema.literal";

    public static string Of(IReadOnlyList<Column> columns)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var records = 0;
            WriteRecord(writer, "topLevelRecord", columns.Select(c => (c.Name, c.Type)), ref records);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRecord(Utf8JsonWriter writer, string name, IEnumerable<(string Name, string Type)> fields, ref int records)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "record");
        writer.WriteString("name", name);
        writer.WriteStartArray("fields");
        foreach (var (fieldName, type) in fields)
        {
            writer.WriteStartObject();
            writer.WriteString("name", fieldName);
            writer.WritePropertyName("type");
            writer.WriteStartArray();
            writer.WriteStringValue("null");
            WriteType(writer, type.Trim(), ref records);
            writer.WriteEndArray();
            writer.WriteNull("default");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter writer, string type, ref int records)
    {
        var lower = type.ToLowerInvariant();
        if (lower.StartsWith("array<", StringComparison.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "array");
            writer.WritePropertyName("items");
            WriteNullable(writer, type[6..^1], ref records);
            writer.WriteEndObject();
        }
        else if (lower.StartsWith("map<", StringComparison.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "map");
            writer.WritePropertyName("values");
            WriteNullable(writer, HiveTypes.SplitList(type[4..^1]).Last(), ref records);
            writer.WriteEndObject();
        }
        else if (lower.StartsWith("struct<", StringComparison.Ordinal))
        {
            var fields = HiveTypes.SplitList(type[7..^1]).Where(f => f.Length > 0).Select(f => (f[..f.IndexOf(':', StringComparison.Ordinal)], f[(f.IndexOf(':', StringComparison.Ordinal) + 1)..]));
            records++;
            WriteRecord(writer, $"record{records}", fields.ToList(), ref records);
        }
        else if (HiveTypes.ParseDecimal(lower) is var (precision, scale))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "bytes");
            writer.WriteString("logicalType", "decimal");
            writer.WriteNumber("precision", precision);
            writer.WriteNumber("scale", scale);
            writer.WriteEndObject();
        }
        else if (lower is "date" or "timestamp")
        {
            writer.WriteStartObject();
            writer.WriteString("type", lower == "date" ? "int" : "long");
            writer.WriteString("logicalType", lower == "date" ? "date" : "timestamp-millis");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(lower switch
            {
                "boolean" => "boolean",
                "tinyint" or "smallint" or "int" => "int",
                "bigint" => "long",
                "float" => "float",
                "double" => "double",
                "binary" => "bytes",
                _ => "string",
            });
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string type, ref int records)
    {
        writer.WriteStartArray();
        writer.WriteStringValue("null");
        WriteType(writer, type.Trim(), ref records);
        writer.WriteEndArray();
    }
}
