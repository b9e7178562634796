using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using DevEndpoint.Formats;

namespace DevEndpoint.Frames;

/// <summary>How a column type reads its values: from UTF-8 bytes (the fast path), from text, and from a .NET value.</summary>
internal interface IValueParser<T>
{
    /// <summary>The common forms, straight from bytes; <c>false</c> sends the value to <see cref="TryParseText"/>.</summary>
    static abstract bool TryParseUtf8(ReadOnlySpan<byte> utf8, out T value);

    /// <summary>Every form the crawler types a column by (see <see cref="TextValues"/>).</summary>
    static abstract bool TryParseText(string text, out T value);

    static abstract T Convert(object value);
}

internal readonly struct BooleanValues : IValueParser<bool>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out bool value)
    {
        // The forms nearly every file writes, before the general one.
        if (utf8.SequenceEqual("true"u8) || utf8.SequenceEqual("false"u8))
        {
            value = utf8.Length == 4;
            return true;
        }

        utf8 = utf8.Trim(" \t"u8);
        value = Ascii.EqualsIgnoreCase(utf8, "true"u8);
        return value || Ascii.EqualsIgnoreCase(utf8, "false"u8);
    }

    public static bool TryParseText(string text, out bool value) => TextValues.TryParseBoolean(text, out value);

    public static bool Convert(object value) => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture);
}

internal readonly struct IntegerValues<T> : IValueParser<T>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
{
    private static readonly long Min = long.CreateTruncating(T.MinValue);
    private static readonly long Max = long.CreateTruncating(T.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out T value)
    {
        if (PlainNumbers.TryParse(utf8, out var mantissa, out var scale, out var negative) && scale == 0
            && (negative ? -mantissa : mantissa) is var number && number >= Min && number <= Max)
        {
            value = T.CreateTruncating(number);
            return true;
        }

        return T.TryParse(utf8, NumberStyles.Integer, CultureInfo.InvariantCulture, out value!);
    }

    public static bool TryParseText(string text, out T value) =>
        T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value!);

    public static T Convert(object value) => (T)System.Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
}

internal readonly struct FloatValues<T> : IValueParser<T>
    where T : IFloatingPoint<T>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out T value)
    {
        if (typeof(T) == typeof(double) && PlainNumbers.TryParseDouble(utf8, out var number))
        {
            value = T.CreateTruncating(number);
            return true;
        }

        return T.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value!);
    }

    public static bool TryParseText(string text, out T value) =>
        T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value!);

    public static T Convert(object value) => (T)System.Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
}

internal readonly struct DecimalValues : IValueParser<decimal>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out decimal value)
    {
        if (PlainNumbers.TryParse(utf8, out var mantissa, out var scale, out var negative))
        {
            value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
            return true;
        }

        return decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseText(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static decimal Convert(object value) => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}

internal readonly struct DateValues : IValueParser<DateTime>
{
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out DateTime value) => IsoDates.TryParseDate(utf8, out value);

    public static bool TryParseText(string text, out DateTime value) => TextValues.TryParseDate(text, out value);

    public static DateTime Convert(object value) => IsoDates.ToDateTime(value);
}

internal readonly struct TimestampValues : IValueParser<DateTime>
{
    public static bool TryParseUtf8(ReadOnlySpan<byte> utf8, out DateTime value) => IsoDates.TryParseLocalTimestamp(utf8, out value);

    public static bool TryParseText(string text, out DateTime value) =>
        TextValues.TryParseTimestamp(text, out value) || TextValues.TryParseDate(text, out value);

    public static DateTime Convert(object value) => IsoDates.ToDateTime(value);
}

/// <summary>
/// Numbers in their plainest form, read straight from bytes: an optional minus sign, 1 to 18 digits with at most one
/// decimal point between them. Anything else (plus signs, spaces, exponents, more digits) is left to the .NET parsers.
/// </summary>
internal static class PlainNumbers
{
    /// <summary>The powers of ten a plain number's scale can be (10^0 to 10^18), as integers and as the doubles that hold them exactly.</summary>
    private static readonly ulong[] IntegerPowers = Enumerable.Range(0, 19).Select(e => (ulong)Math.Pow(10, e)).ToArray();

    private static readonly double[] ExactPowers = IntegerPowers.Select(p => (double)p).ToArray();

    /// <summary>
    /// A plain number as the double nearest to it, as the full parser gives. With its digits as an integer up to 2^53
    /// both it and the power of ten (at most 10^18) are exact as doubles, so one division rounds correctly (Clinger's
    /// fast path); with more digits (a double printed in full has 17) see <see cref="Nearest"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDouble(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        if (!TryParse(utf8, out var mantissa, out var scale, out var negative))
        {
            return false;
        }

        value = mantissa <= (1L << 53) ? mantissa / ExactPowers[scale] : Nearest((ulong)mantissa, IntegerPowers[scale]);
        value = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// The double nearest to <paramref name="digits"/> / <paramref name="divisor"/> (both below 2^60), rounded half to
    /// even: the digits shifted to the top of 128 bits and divided exactly, which leaves at least 67 bits of quotient;
    /// its top 53 are the double's, the rest and the remainder decide the rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Nearest(ulong digits, ulong divisor)
    {
        var shift = BitOperations.LeadingZeroCount(digits) + 64;
        var (quotient, remainder) = UInt128.DivRem((UInt128)digits << shift, divisor);
        var extra = 128 - (int)UInt128.LeadingZeroCount(quotient) - 53;
        var kept = (ulong)(quotient >> extra);
        var rest = quotient & ((UInt128.One << extra) - 1);
        var half = UInt128.One << (extra - 1);
        if (rest > half || (rest == half && (remainder != 0 || (kept & 1) == 1)))
        {
            kept++;
        }

        return Math.ScaleB(kept, extra - shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out long mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = utf8.Length > 0 && utf8[0] == '-';
        var digits = 0;
        var point = -1;
        for (var i = negative ? 1 : 0; i < utf8.Length; i++)
        {
            var d = utf8[i] - '0';
            if ((uint)d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
            }
            else if (utf8[i] == '.' && point < 0)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        if (digits is 0 or > 18 || point == utf8.Length - 1 || point == (negative ? 1 : 0))
        {
            return false;
        }

        scale = point < 0 ? 0 : utf8.Length - point - 1;
        return true;
    }
}

/// <summary>ISO 8601 dates and zone-less timestamps read straight from bytes: the forms nearly every file uses.</summary>
internal static class IsoDates
{
    /// <summary><c>yyyy-MM-dd</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        value = default;
        if (utf8.Length != 10 || utf8[4] != '-' || utf8[7] != '-'
            || !TryDigits(utf8[..4], out var year) || !TryDigits(utf8.Slice(5, 2), out var month) || !TryDigits(utf8.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTime(year, month, day);
        return true;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> or with <c>T</c>, and up to seven fraction digits; no zone (those take the text path, which converts to UTC).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseLocalTimestamp(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        value = default;
        if (utf8.Length < 19 || utf8.Length > 27 || (utf8[10] != ' ' && utf8[10] != 'T') || utf8[13] != ':' || utf8[16] != ':'
            || !TryParseDate(utf8[..10], out var date)
            || !TryDigits(utf8.Slice(11, 2), out var hour) || !TryDigits(utf8.Slice(14, 2), out var minute) || !TryDigits(utf8.Slice(17, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = 0L;
        if (utf8.Length > 19)
        {
            var fraction = utf8[20..];
            if (utf8[19] != '.' || fraction.Length == 0 || !TryDigits(fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        value = date.Add(new TimeSpan(hour, minute, second)).AddTicks(ticks);
        return true;
    }

    public static DateTime ToDateTime(object value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset offset => offset.UtcDateTime,
        string text when TextValues.TryParseTimestamp(text, out var parsed) || TextValues.TryParseDate(text, out parsed) => parsed,
        _ => System.Convert.ToDateTime(value, CultureInfo.InvariantCulture),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            var d = digit - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
