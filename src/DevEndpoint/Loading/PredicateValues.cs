using System.Globalization;
using DevEndpoint.Formats;

namespace DevEndpoint.Loading;

/// <summary>A row a predicate is evaluated on: a column's value by name (case-insensitive), <c>null</c> for a null.</summary>
internal interface IPredicateRow
{
    /// <summary>
    /// The value: text for a partition key or a string column, a number, a <see cref="DateTime"/> or a <see cref="bool"/>
    /// for a typed column, or <see cref="PredicateValues.Unknown"/> for a column whose value is not known yet.
    /// </summary>
    object? Value(string name);
}

/// <summary>
/// How a predicate compares values: a typed value (a number, a date or timestamp, a boolean) with the other side read as
/// the same type; two texts as numbers when both are numbers, else as text (ordinal). A comparison with a null, with a
/// value not known yet, or with a text that is not of the other side's type is unknown (<c>null</c>), so never true.
/// </summary>
internal static class PredicateValues
{
    /// <summary>The value of a column not known yet: a data column while partitions are pruned.</summary>
    public static readonly object Unknown = new();

    public static bool IsUnknown(object value) => ReferenceEquals(value, Unknown);

    public static int? Compare(object? left, object? right)
    {
        if (left is null || right is null || IsUnknown(left) || IsUnknown(right))
        {
            return null;
        }

        return (left, right) switch
        {
            (string or PredicateLiteral, string or PredicateLiteral) => CompareText(Text(left), Text(right)),
            (string or PredicateLiteral, _) => -CompareTyped(right, left),
            _ => CompareTyped(left, right),
        };
    }

    /// <summary>A value as the text LIKE matches: numbers and dates in the invariant culture (dates as 2024-01-31, timestamps as 2024-01-31 13:45:00).</summary>
    public static string Text(object value) => value switch
    {
        string text => text,
        PredicateLiteral literal => literal.Text,
        bool flag => flag ? "true" : "false",
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Reads a literal as a value of a column's Hive type; <c>null</c> when it is not one (text columns take any literal).</summary>
    public static object? Convert(string literal, string hiveType) => Kind(hiveType) switch
    {
        ValueKind.Number => Number(literal, out var number) ? number : null,
        ValueKind.Date => Date(literal, out var date) ? date : null,
        ValueKind.Boolean => TextValues.TryParseBoolean(literal, out var flag) ? flag : null,
        _ => literal,
    };

    /// <summary>A value of a column's Hive type as written in a predicate, for an error: <c>42</c>, <c>'2024-01-31'</c>.</summary>
    public static string Example(string hiveType) => Kind(hiveType) switch
    {
        ValueKind.Number when hiveType.StartsWith("decimal", StringComparison.OrdinalIgnoreCase) => "12.50",
        ValueKind.Number when hiveType is "float" or "double" => "1.5",
        ValueKind.Number => "42",
        ValueKind.Date when hiveType.Equals("timestamp", StringComparison.OrdinalIgnoreCase) => "'2024-01-31 12:00:00'",
        ValueKind.Date => "'2024-01-31'",
        ValueKind.Boolean => "true",
        _ => "'text'",
    };

    private static ValueKind Kind(string hiveType) => hiveType.ToLowerInvariant() switch
    {
        "tinyint" or "smallint" or "int" or "bigint" or "float" or "double" => ValueKind.Number,
        var type when type.StartsWith("decimal", StringComparison.Ordinal) => ValueKind.Number,
        "date" or "timestamp" => ValueKind.Date,
        "boolean" => ValueKind.Boolean,
        _ => ValueKind.Text,
    };

    internal static int CompareText(string left, string right) =>
        decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(left, right);

    /// <summary>A typed value with the other side read as its type; unknown when the other side is not of it.</summary>
    private static int? CompareTyped(object typed, object other) => typed switch
    {
        bool flag => other switch
        {
            bool b => flag.CompareTo(b),
            PredicateLiteral { Boolean: { } b } => flag.CompareTo(b),
            string text when TextValues.TryParseBoolean(text, out var b) => flag.CompareTo(b),
            _ => null,
        },
        DateTime date => other switch
        {
            DateTime d => date.CompareTo(d),
            PredicateLiteral { Date: { } d } => date.CompareTo(d),
            string text when Date(text, out var d) => date.CompareTo(d),
            _ => null,
        },
        sbyte or short or int or long or float or double or decimal => Number(typed, out var left) && Number(other, out var right)
            ? left is double || right is double ? ToDouble(left).CompareTo(ToDouble(right)) : ((decimal)left).CompareTo((decimal)right)
            : null,
        _ => CompareText(Text(typed), Text(other)),
    };

    private static double ToDouble(object number) => ((IConvertible)number).ToDouble(CultureInfo.InvariantCulture);

    /// <summary>A value as a <see cref="decimal"/>, or as a <see cref="double"/> when it is a float or beyond a decimal.</summary>
    internal static bool Number(object value, out object number)
    {
        switch (value)
        {
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal:
                number = ((IConvertible)value).ToDecimal(CultureInfo.InvariantCulture);
                return true;
            case float or double:
                number = ((IConvertible)value).ToDouble(CultureInfo.InvariantCulture);
                return true;
            case PredicateLiteral { Number: { } literal }:
                number = literal;
                return true;
            case string text when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                number = d;
                return true;
            case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f):
                number = f;
                return true;
            default:
                number = 0m;
                return false;
        }
    }

    internal static bool Date(string text, out DateTime value) =>
        TextValues.TryParseDate(text, out value) || TextValues.TryParseTimestamp(text, out value);

    private enum ValueKind
    {
        Number,
        Date,
        Boolean,
        Text,
    }
}

/// <summary>A value written in a predicate, read once as a number, a date and a boolean for the typed columns it is compared with.</summary>
internal sealed class PredicateLiteral(string text)
{
    private readonly Lazy<object?> number = new(() => PredicateValues.Number(text, out var value) ? value : null);
    private readonly Lazy<DateTime?> date = new(() => PredicateValues.Date(text, out var value) ? value : null);
    private readonly Lazy<bool?> boolean = new(() => TextValues.TryParseBoolean(text, out var value) ? value : null);

    public string Text => text;

    /// <summary>The literal as a <see cref="decimal"/> (or a <see cref="double"/> beyond one); <c>null</c> when it is not a number.</summary>
    public object? Number => number.Value;

    public DateTime? Date => date.Value;

    public bool? Boolean => boolean.Value;

    public override string ToString() => text;
}
