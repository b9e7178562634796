namespace DevEndpoint.Formats;

/// <summary>
/// The ISO 8601 shapes nearly every file writes, recognised character by character: dates <c>yyyy-MM-dd</c>, and
/// timestamps <c>yyyy-MM-dd HH:mm</c> (or with <c>T</c>), with seconds, up to seven fraction digits and, after the
/// seconds, a zone (<c>Z</c>, <c>+HH:mm</c>, <c>-HH</c>). It only ever says yes to texts <see cref="TextValues"/> reads
/// as such: a text it does not recognise may still be a date in another form TextValues reads, so callers ask
/// TextValues next.
/// </summary>
/// <remarks>
/// <c>IsoDates</c> (Frames/ColumnBuilder.Values.cs) checks the same date shape on UTF-8 bytes straight from a file's buffer;
/// neither calls the other, as that would transcode every value on the load path (chars to bytes or back).
/// </remarks>
internal static class IsoText
{
    /// <summary>Whether the text is a valid date <c>yyyy-MM-dd</c>.</summary>
    public static bool IsDate(ReadOnlySpan<char> text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day)
        && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Whether the text is a valid timestamp of one of the shapes above.</summary>
    public static bool IsTimestamp(ReadOnlySpan<char> text)
    {
        if (text.Length < 16 || !IsDate(text[..10]) || text[10] is not (' ' or 'T') || text[13] != ':'
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        if (text.Length == 16)
        {
            return true;
        }

        if (text.Length < 19 || text[16] != ':' || !TryDigits(text.Slice(17, 2), out var second) || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits is 1 or > 8)
            {
                return false;
            }

            rest = rest[digits..];
        }

        return rest.Length == 0 || (TryDigits(text[..4], out var year) && IsZone(rest, year));
    }

    /// <summary><c>Z</c>, <c>+HH:mm</c> or <c>+HH</c> (or <c>-</c>), of less than 14 hours, in a year whose instant converts to UTC.</summary>
    private static bool IsZone(ReadOnlySpan<char> zone, int year)
    {
        if (year is < 2 or > 9998)
        {
            return false;
        }

        if (zone is "Z")
        {
            return true;
        }

        if (zone.Length is not (3 or 6) || zone[0] is not ('+' or '-') || !TryDigits(zone.Slice(1, 2), out var hours) || hours > 13)
        {
            return false;
        }

        return zone.Length == 3 || (zone[3] == ':' && TryDigits(zone.Slice(4, 2), out var minutes) && minutes <= 59);
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
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
