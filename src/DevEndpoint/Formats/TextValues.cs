using System.Globalization;

namespace DevEndpoint.Formats;

/// <summary>
/// How text values are read: which tokens mean null, and which texts are booleans, numbers, dates and timestamps.
/// Type inference and loading share these rules so that a column typed by the crawler loads without surprises.
/// </summary>
internal static class TextValues
{
    /// <summary>Texts that mean "no value" in a text file.</summary>
    public static IReadOnlySet<string> NullTokens { get; } = new HashSet<string>(StringComparer.Ordinal) { string.Empty, "NULL", "null", "NA", "N/A", "\\N" };

    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
    ];

    /// <summary>Whether a text is one of <see cref="NullTokens"/> (compared by length first, without hashing).</summary>
    public static bool IsNull(string text) => text is "" or "NULL" or "null" or "NA" or "N/A" or "\\N";

    public static bool TryParseBoolean(string text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryParseDate(string text, out DateTime value) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>Zone abbreviations read as fixed offsets: UTC and GMT, and the North American standard and daylight zones.</summary>
    private static readonly Dictionary<string, string> ZoneOffsets = new(StringComparer.Ordinal)
    {
        ["UTC"] = "Z",
        ["GMT"] = "Z",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
    };

    /// <summary>Timestamps with a zone (an offset, <c>Z</c>, or an abbreviation such as <c>UTC</c> or <c>EST</c>) are converted to UTC; those without are kept as written.</summary>
    public static bool TryParseTimestamp(string text, out DateTime value)
    {
        text = text.Trim();
        if (text.Length > 4 && text[^4] == ' ' && ZoneOffsets.TryGetValue(text[^3..], out var offset))
        {
            text = string.Concat(text.AsSpan(0, text.Length - 4), offset);
        }

        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = default;
            return false;
        }

        var hasZone = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;
        value = hasZone ? parsed.UtcDateTime : parsed.DateTime;
        return true;
    }

    /// <summary>The narrowest type that holds one text value; spaces around a number, boolean or date do not count.</summary>
    internal static InferredType Infer(string text)
    {
        if (IsNull(text))
        {
            return InferredType.Null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return InferredType.String;
        }

        if (TryParseBoolean(text, out _))
        {
            return InferredType.Boolean;
        }

        if (InferNumber(text) is { } number)
        {
            return number;
        }

        // Dates and timestamps start with their year's digits: other texts need no parsing to be told apart.
        if (!char.IsAsciiDigit(text[0]))
        {
            return InferredType.String;
        }

        if (text.Length == 10 && (IsoText.IsDate(text) || TryParseDate(text, out _)))
        {
            return InferredType.Date;
        }

        if (text.Length >= 16 && (IsoText.IsTimestamp(text) || TryParseTimestamp(text, out _)))
        {
            return InferredType.Timestamp;
        }

        return InferredType.String;
    }

    private static InferredType? InferNumber(string text)
    {
        var span = text.AsSpan();
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            span = span[1..];
        }

        // "+" and seven or more digits is a phone number in international form, not a number.
        if (text.StartsWith('+') && span.Length >= 7 && !span.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        if (span.Length == 0 || !char.IsAsciiDigit(span[0]))
        {
            return text is "NaN" or "Infinity" or "-Infinity" ? InferredType.Double : null;
        }

        var integerDigits = 0;
        while (integerDigits < span.Length && char.IsAsciiDigit(span[integerDigits]))
        {
            integerDigits++;
        }

        // Leading zeros ("007", "01234") are identifiers such as codes and zip codes: keep them as text.
        if (integerDigits > 1 && span[0] == '0')
        {
            return null;
        }

        if (integerDigits == span.Length)
        {
            return integerDigits <= 38 ? InferredType.Integer(text, integerDigits) : null;
        }

        // Digits then anything but a point or an exponent (or the trailing NULs number parsing allows) is no number.
        var rest = span[integerDigits..];
        if (rest[0] is not ('.' or 'e' or 'E' or '\0'))
        {
            return null;
        }

        if (rest[0] == '.')
        {
            var scale = 1;
            while (scale < rest.Length && char.IsAsciiDigit(rest[scale]))
            {
                scale++;
            }

            var fraction = scale - 1;
            if (scale == rest.Length && fraction > 0)
            {
                return InferredType.DecimalNumber(integerDigits, fraction);
            }
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? InferredType.Double : null;
    }
}
