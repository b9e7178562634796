using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Avro;

namespace DevEndpoint.Formats.Avro;

/// <summary>
/// An Avro writer schema, compiled once, that decodes binary-encoded values into .NET values: records as dictionaries
/// keyed by catalog column names, arrays as lists, maps as dictionaries, enums as their symbols, and logical types as
/// <see cref="decimal"/>, <see cref="DateOnly"/> and UTC <see cref="DateTime"/> (a uuid stays its text).
/// </summary>
internal sealed class AvroDatum
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly Dictionary<string, AvroDatum> named;
    private readonly bool raw;
    private string kind = string.Empty;
    private string? logical;
    private int scale;
    private int size;
    private List<(string Name, AvroDatum Type)> fields = [];
    private List<AvroDatum> branches = [];
    private string[] symbols = [];
    private AvroDatum? items;

    private AvroDatum(Dictionary<string, AvroDatum> named, bool raw)
    {
        this.named = named;
        this.raw = raw;
    }

    public static AvroDatum Compile(JsonElement schema) => new AvroDatum(new Dictionary<string, AvroDatum>(StringComparer.Ordinal), raw: false).Parse(schema);

    /// <summary>
    /// A schema whose values stay as stored: logical types as their physical int, long or bytes, and record fields
    /// under their own names (not catalog column names), for files whose readers know the types themselves (Iceberg manifests).
    /// </summary>
    public static AvroDatum CompileRaw(JsonElement schema) => new AvroDatum(new Dictionary<string, AvroDatum>(StringComparer.Ordinal), raw: true).Parse(schema);

    /// <summary>Decodes one value from <paramref name="reader"/>, which reads the block that holds it.</summary>
    public object? Read(BlockReader reader)
    {
        switch (kind)
        {
            case "null":
                return null;
            case "boolean":
                return reader.ReadByte() != 0;
            case "int":
                var number = (int)reader.ReadLong();
                return logical == "date" ? DateOnly.FromDateTime(Epoch.AddDays(number)) : number;
            case "long":
                var value = reader.ReadLong();
                return logical switch
                {
                    "timestamp-millis" or "local-timestamp-millis" => Epoch.AddTicks(value * TimeSpan.TicksPerMillisecond),
                    "timestamp-micros" or "local-timestamp-micros" => Epoch.AddTicks(value * TimeSpan.TicksPerMicrosecond),
                    "timestamp-nanos" or "local-timestamp-nanos" => Epoch.AddTicks(value / 100),
                    _ => value,
                };
            case "float":
                return BinaryPrimitives.ReadSingleLittleEndian(reader.ReadSpan(4));
            case "double":
                return BinaryPrimitives.ReadDoubleLittleEndian(reader.ReadSpan(8));
            case "bytes":
                return Bytes(reader.ReadSpan(reader.ReadLength()));
            case "fixed":
                return Bytes(reader.ReadSpan(size));
            case "string":
                return Encoding.UTF8.GetString(reader.ReadSpan(reader.ReadLength()));
            case "enum":
                var symbol = reader.ReadLong();
                return symbol >= 0 && symbol < symbols.Length ? symbols[symbol] : throw new InvalidDataException($"an enum value ({symbol}) beyond its {symbols.Length} symbols");
            case "union":
                var branch = reader.ReadLong();
                return branch >= 0 && branch < branches.Count ? branches[(int)branch].Read(reader) : throw new InvalidDataException($"a union branch ({branch}) beyond its {branches.Count} branches");
            case "record":
                var record = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
                foreach (var (name, type) in fields)
                {
                    record[name] = type.Read(reader);
                }

                return record;
            case "array":
                var list = new List<object?>();
                for (var count = reader.ReadBlockCount(); count != 0; count = reader.ReadBlockCount())
                {
                    for (var i = 0; i < count; i++)
                    {
                        list.Add(items!.Read(reader));
                    }
                }

                return list;
            default:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var count = reader.ReadBlockCount(); count != 0; count = reader.ReadBlockCount())
                {
                    for (var i = 0; i < count; i++)
                    {
                        var key = Encoding.UTF8.GetString(reader.ReadSpan(reader.ReadLength()));
                        map[key] = items!.Read(reader);
                    }
                }

                return map;
        }
    }

    /// <summary>Bytes as they are, or the decimal their big-endian two's complement holds at the schema's scale.</summary>
    private object Bytes(ReadOnlySpan<byte> bytes)
    {
        if (logical != "decimal")
        {
            return bytes.ToArray();
        }

        var unscaled = new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
        var magnitude = BigInteger.Abs(unscaled);
        if (scale > 28 || magnitude.GetBitLength() > 96)
        {
            throw new InvalidDataException($"a decimal ({unscaled}e-{scale}) beyond .NET's decimal range");
        }

        var words = new int[3];
        var raw = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        for (var i = 0; i < raw.Length; i++)
        {
            words[i / 4] |= raw[i] << (8 * (i % 4));
        }

        return new decimal(words[0], words[1], words[2], unscaled.Sign < 0, (byte)scale);
    }

    private AvroDatum Parse(JsonElement schema)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.String:
                var name = schema.GetString()!;
                if (named.TryGetValue(name, out var reference) || named.TryGetValue(name[(name.LastIndexOf('.') + 1)..], out reference))
                {
                    return reference;
                }

                kind = name;
                return name is "null" or "boolean" or "int" or "long" or "float" or "double" or "bytes" or "string"
                    ? this
                    : throw new InvalidDataException($"its schema names the type '{name}', which it does not define");
            case JsonValueKind.Array:
                kind = "union";
                branches = schema.EnumerateArray().Select(Child).ToList();
                return this;
            case JsonValueKind.Object:
                return ParseObject(schema);
            default:
                throw new InvalidDataException($"its schema holds {schema.ValueKind} where a type belongs");
        }
    }

    private AvroDatum ParseObject(JsonElement schema)
    {
        var type = schema.GetProperty("type");
        if (type.ValueKind != JsonValueKind.String)
        {
            return Parse(type);
        }

        kind = type.GetString()!;
        logical = !raw && schema.TryGetProperty("logicalType", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        scale = schema.TryGetProperty("scale", out var s) && s.TryGetInt32(out var sv) ? sv : 0;
        if (schema.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
        {
            var full = n.GetString()!;
            named[full] = this;
            named[full[(full.LastIndexOf('.') + 1)..]] = this;
        }

        switch (kind)
        {
            case "record" or "error":
                kind = "record";
                fields = schema.GetProperty("fields").EnumerateArray()
                    .Select(f => (FieldName(f.GetProperty("name").GetString() ?? string.Empty), Child(f.GetProperty("type"))))
                    .ToList();
                break;
            case "enum":
                symbols = schema.GetProperty("symbols").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
                break;
            case "fixed":
                size = schema.GetProperty("size").GetInt32();
                break;
            case "array":
                items = Child(schema.GetProperty("items"));
                break;
            case "map":
                items = Child(schema.GetProperty("values"));
                break;
            case "null" or "boolean" or "int" or "long" or "float" or "double" or "bytes" or "string":
                break;
            default:
                // {"type": "SomeName"}: a reference to a named type.
                return Child(type);
        }

        return this;
    }

    private AvroDatum Child(JsonElement schema) => new AvroDatum(named, raw).Parse(schema);

    private string FieldName(string name) => raw ? name : ColumnNames.Clean(name);

    /// <summary>Reads Avro's binary encoding from one decompressed block.</summary>
    internal sealed class BlockReader
    {
        private readonly byte[] block;
        private readonly MemoryStream stream;
        private readonly AvroBinaryReader binary;

        public BlockReader(byte[] block)
        {
            this.block = block;
            stream = new MemoryStream(block, writable: false);
            binary = new AvroBinaryReader(stream);
        }

        public long ReadLong() => binary.ReadLong();

        public int ReadLength()
        {
            var length = ReadLong();
            return length >= 0 && length <= block.Length - stream.Position ? (int)length : throw new InvalidDataException($"a length ({length}) beyond its block");
        }

        /// <summary>An array's or map's block item count: a negative count is followed by the block's size in bytes.</summary>
        public long ReadBlockCount()
        {
            var count = ReadLong();
            if (count < 0)
            {
                ReadLong();
                count = -count;
            }

            return count;
        }

        public byte ReadByte() => ReadSpan(1)[0];

        public ReadOnlySpan<byte> ReadSpan(int count)
        {
            var position = (int)stream.Position;
            if (count > block.Length - position)
            {
                throw new EndOfStreamException();
            }

            stream.Position = position + count;
            return block.AsSpan(position, count);
        }
    }
}
