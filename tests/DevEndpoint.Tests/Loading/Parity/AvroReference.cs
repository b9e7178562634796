using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Avro;
using Avro.File;
using Avro.Generic;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Snappier;

namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>
/// An Avro file read with Apache.Avro's generic reader, as rows of the loaded columns: struct leaves taken out of their
/// records, arrays and maps as JSON text, enums as their symbols, decimals exactly.
/// </summary>
internal static class AvroReference
{
    static AvroReference() => Codec.RegisterResolver(name => name == "snappy" ? new SnappyCodec() : null);

    public static List<object?[]> Rows(string path, IEnumerable<Column> columns)
    {
        var leaves = NestedColumns.Leaves(columns);
        var rows = new List<object?[]>();
        using var reader = DataFileReader<GenericRecord>.OpenReader(path);
        while (reader.HasNext())
        {
            var record = reader.Next();
            rows.Add(leaves.Select(leaf =>
            {
                object? value = record;
                foreach (var name in leaf.Path)
                {
                    value = value is GenericRecord inner && inner.Schema.Fields.FirstOrDefault(f => f.Name.ToLowerInvariant() == name) is { } field ? inner.GetValue(field.Pos) : null;
                }

                // Apache.Avro 1.12 leaves timestamp-nanos values as longs: nanoseconds since the epoch. A union of several
                // types is a string column (Glue's choice), holding each value as text.
                return value is null ? null
                    : value is long nanos && leaf.Column.Type == "timestamp" ? DateTime.UnixEpoch.AddTicks(nanos / 100)
                    : value is GenericRecord or IDictionary or IList and not byte[]? Json(value)!.ToJsonString()
                    : Scalar(value) is IFormattable number && leaf.Column.Type == "string" ? number.ToString(null, CultureInfo.InvariantCulture)
                    : Scalar(value);
            }).ToArray());
        }

        return rows;
    }

    private static object Scalar(object value) => value switch
    {
        GenericEnum symbol => symbol.Value,
        GenericFixed fixedBytes => fixedBytes.Value,
        AvroDecimal exact => decimal.TryParse(exact.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : exact.ToString(),
        Guid uuid => uuid.ToString("D"),
        DateTime time => time.Kind == DateTimeKind.Utc ? DateTime.SpecifyKind(time, DateTimeKind.Unspecified) : time,
        _ => value,
    };

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        GenericRecord record => new JsonObject(record.Schema.Fields.Select(f => KeyValuePair.Create(f.Name.ToLowerInvariant(), Json(record.GetValue(f.Pos))))),
        IDictionary map => new JsonObject(map.Keys.Cast<object>().Select(k => KeyValuePair.Create(Convert.ToString(k, CultureInfo.InvariantCulture)!, Json(map[k])))),
        IList list and not byte[] => new JsonArray(list.Cast<object?>().Select(Json).ToArray()),
        _ => Scalar(value) switch
        {
            byte[] bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
            DateTime time => JsonValue.Create(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            string text => JsonValue.Create(text),
            var other => JsonValue.Create(other),
        },
    };

    /// <summary>Apache.Avro reads only null and deflate blocks itself: a snappy block is the compressed data and its CRC-32.</summary>
    private sealed class SnappyCodec : Codec
    {
        public override byte[] Decompress(byte[] compressedData, int length) => Snappy.DecompressToArray(compressedData.AsSpan(0, length - 4));

        public override byte[] Compress(byte[] uncompressedData) => throw new NotSupportedException();

        public override void Compress(MemoryStream inputStream, MemoryStream outputStream) => throw new NotSupportedException();

        public override string GetName() => "snappy";

        public override bool Equals(object? other) => other is SnappyCodec;

        public override int GetHashCode() => GetName().GetHashCode(StringComparison.Ordinal);
    }
}
