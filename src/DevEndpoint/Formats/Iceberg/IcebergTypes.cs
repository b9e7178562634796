using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet.Data;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// Iceberg's primitive types: their Hive type in the catalog, and their values as .NET values, from each place a
/// value is stored (a Parquet column, a manifest's partition tuple, a bound in Iceberg's single-value binary form, a
/// JSON default). Values: boolean <see cref="bool"/>, int <see cref="int"/>, long <see cref="long"/>, float, double,
/// decimal <see cref="decimal"/>, date <see cref="DateOnly"/>, timestamp and timestamptz <see cref="DateTime"/> (UTC
/// for timestamptz), time and uuid their text, string <see cref="string"/>, binary and fixed <c>byte[]</c>.
/// </summary>
internal static partial class IcebergTypes
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The Hive type of a column of an Iceberg type; a type without one is refused by name.</summary>
    public static string Hive(string path, IcebergField field) => field.Type switch
    {
        "boolean" => "boolean",
        "int" => "int",
        "long" => "bigint",
        "float" => "float",
        "double" => "double",
        "date" => "date",
        "timestamp" or "timestamptz" or "timestamp_ns" or "timestamptz_ns" => "timestamp",
        "string" or "uuid" or "time" => "string",
        "binary" => "binary",
        var t when t.StartsWith("fixed[", StringComparison.Ordinal) => "binary",
        var t when DecimalPattern().Match(t) is { Success: true } m => $"decimal({m.Groups[1].Value},{m.Groups[2].Value})",
        "struct" or "list" or "map" => throw IcebergErrors.Unsupported(path, $"the nested column '{field.Name}' ({field.Type})"),
        var other => throw IcebergErrors.Unsupported(path, $"the column type '{other}' (column '{field.Name}')"),
    };

    /// <summary>A value read from a Parquet column by Parquet.Net, as the .NET value of the Iceberg type.</summary>
    public static object? FromParquet(string path, IcebergField field, object? value) => value switch
    {
        null => null,
        BigDecimal big => Decimal(path, field, big.UnscaledValue, big.Scale),
        DateTime time when field.Type is "timestamptz" or "timestamptz_ns" => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
        TimeSpan time => TimeText(time.Ticks),
        Guid uuid => uuid.ToString(),
        byte[] bytes when field.Type == "uuid" && bytes.Length == 16 => new Guid(bytes, bigEndian: true).ToString(),
        int number when field.Type == "long" => (long)number,
        float number when field.Type == "double" => (double)number,
        int number when field.Type.StartsWith("decimal", StringComparison.Ordinal) => Decimal(path, field, number, Scale(field.Type)),
        long number when field.Type.StartsWith("decimal", StringComparison.Ordinal) => Decimal(path, field, number, Scale(field.Type)),
        decimal number => number,
        _ => value,
    };

    /// <summary>A value of a manifest's partition tuple (Avro, read raw) of a field of type <paramref name="type"/>.</summary>
    public static object? FromAvro(string path, IcebergField field, object? value) => value switch
    {
        null => null,
        byte[] bytes => FromBinary(path, field, bytes),
        int number => field.Type switch
        {
            "date" => DateOnly.FromDayNumber(DateOnly.FromDateTime(Epoch).DayNumber + number),
            "long" => (long)number,
            _ => number,
        },
        long number => field.Type switch
        {
            "timestamp" or "timestamptz" or "time" or "timestamp_ns" or "timestamptz_ns" => FromBinary(path, field, BitConverter.GetBytes(number)),
            _ => number,
        },
        float number when field.Type == "double" => (double)number,
        _ => value,
    };

    /// <summary>A value in Iceberg's single-value binary serialization (column bounds; decimals and uuids of partition tuples).</summary>
    public static object? FromBinary(string path, IcebergField field, byte[] bytes)
    {
        var type = field.Type;
        return type switch
        {
            "boolean" => bytes[0] != 0,
            "int" => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            "long" => bytes.Length == 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes),
            "float" => BinaryPrimitives.ReadSingleLittleEndian(bytes),
            "double" => bytes.Length == 4 ? BinaryPrimitives.ReadSingleLittleEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            "date" => DateOnly.FromDayNumber(DateOnly.FromDateTime(Epoch).DayNumber + BinaryPrimitives.ReadInt32LittleEndian(bytes)),
            "time" => TimeText(BinaryPrimitives.ReadInt64LittleEndian(bytes) * TimeSpan.TicksPerMicrosecond),
            "timestamp" => Epoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes) * TimeSpan.TicksPerMicrosecond),
            "timestamptz" => DateTime.SpecifyKind(Epoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes) * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc),
            "timestamp_ns" => Epoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes) / 100),
            "timestamptz_ns" => DateTime.SpecifyKind(Epoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(bytes) / 100), DateTimeKind.Utc),
            "string" => Encoding.UTF8.GetString(bytes),
            "uuid" => new Guid(bytes, bigEndian: true).ToString(),
            var t when t.StartsWith("decimal", StringComparison.Ordinal) => Decimal(path, field, new BigInteger(bytes, isUnsigned: false, isBigEndian: true), Scale(t)),
            _ => bytes,
        };
    }

    /// <summary>A JSON default (<c>initial-default</c>) in Iceberg's single-value JSON serialization.</summary>
    public static object? FromJson(string path, IcebergField field, JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = field.Type;
        return type switch
        {
            "boolean" => json.GetBoolean(),
            "int" => json.GetInt32(),
            "long" => json.GetInt64(),
            "float" => json.GetSingle(),
            "double" => json.GetDouble(),
            "date" => DateOnly.ParseExact(json.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => json.GetString(),
            "timestamp" or "timestamp_ns" => DateTime.Parse(json.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.None),
            "timestamptz" or "timestamptz_ns" => DateTimeOffset.Parse(json.GetString()!, CultureInfo.InvariantCulture).UtcDateTime,
            "string" => json.GetString(),
            "uuid" => Guid.Parse(json.GetString()!).ToString(),
            "binary" => Convert.FromHexString(json.GetString()!),
            var t when t.StartsWith("fixed", StringComparison.Ordinal) => Convert.FromHexString(json.GetString()!),
            var t when t.StartsWith("decimal", StringComparison.Ordinal) => decimal.Parse(
                json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => throw IcebergErrors.Unsupported(path, $"a default value for the column type '{type}' (column '{field.Name}')"),
        };
    }

    private static int Scale(string type) => int.Parse(DecimalPattern().Match(type).Groups[2].Value, CultureInfo.InvariantCulture);

    private static string TimeText(long ticks) => new TimeOnly(ticks).ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>An unscaled integer at a scale as a <see cref="decimal"/>, or refused when it has more digits than one keeps.</summary>
    private static decimal Decimal(string path, IcebergField field, BigInteger unscaled, int scale)
    {
        var magnitude = BigInteger.Abs(unscaled);
        if (scale > 28 || magnitude.GetBitLength() > 96)
        {
            var digits = magnitude.ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
            var text = $"{(unscaled.Sign < 0 ? "-" : string.Empty)}{digits[..^scale]}{(scale > 0 ? "." + digits[^scale..] : string.Empty)}";
            throw IcebergErrors.DecimalTooWide(path, field.Name, text);
        }

        var raw = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        var words = new int[3];
        for (var i = 0; i < raw.Length; i++)
        {
            words[i / 4] |= raw[i] << (8 * (i % 4));
        }

        return new decimal(words[0], words[1], words[2], unscaled.Sign < 0, (byte)scale);
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();
}
