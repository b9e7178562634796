using System.Globalization;

namespace DevEndpoint.Formats;

/// <summary>
/// Dates and timestamps written in forms other than ISO 8601 (<c>dd/MM/yyyy</c>, <c>MM/dd/yyyy</c>, <c>dd.MM.yyyy</c>,
/// <c>yyyy/MM/dd</c>, ... with an optional time). A column takes such a form only when every sampled value reads in
/// it and the sample rules out the other order of day and month (e.g. some first field above 12 proves day-first),
/// or, for dotted dates (<c>01.02.2024</c>), by the convention that they are day-first.
/// </summary>
internal static class DateFormats
{
    private static readonly string[] TimeSuffixes = [" H:mm:ss.FFFFFFF", " H:mm:ss", " H:mm", " h:mm:ss tt", " h:mm tt"];

    /// <summary>Date patterns in pairs: day-first and month-first of the same shape (year-first shapes have no pair).</summary>
    private static readonly (string DayFirst, string? MonthFirst)[] Shapes =
    [
        ("d/M/yyyy", "M/d/yyyy"), ("d.M.yyyy", "M.d.yyyy"), ("d-M-yyyy", "M-d-yyyy"),
        ("d/M/yy", "M/d/yy"), ("d.M.yy", "M.d.yy"), ("d-M-yy", "M-d-yy"),
        ("yyyy/M/d", null), ("yyyy.M.d", null), ("yy.M.d", null), ("yyyy-M-d", null),
    ];

    /// <summary>
    /// The pattern that reads every value, and whether it holds a time; <c>null</c> when none does or the sample
    /// leaves the order of day and month open.
    /// </summary>
    public static (string Pattern, bool HasTime)? Infer(IReadOnlyCollection<string> values)
    {
        if (values.Count == 0 || values.Any(v => v.Length is < 6 or > 40 || !char.IsAsciiDigit(v[0])))
        {
            return null;
        }

        var hasTime = values.Any(v => v.Contains(':', StringComparison.Ordinal));
        foreach (var (dayFirst, monthFirst) in Shapes)
        {
            var day = Reads(values, dayFirst, hasTime);
            var month = monthFirst is null ? null : Reads(values, monthFirst, hasTime);
            if (day is not null && month is null)
            {
                return (day, hasTime);
            }

            if (month is not null && day is null)
            {
                return (month, hasTime);
            }

            // Both orders read every value. Dotted dates are day-first by convention (dd.MM.yyyy); other shapes stay open.
            if (day is not null)
            {
                return dayFirst.Contains('.', StringComparison.Ordinal) ? (day, hasTime) : null;
            }
        }

        return null;
    }

    public static bool TryParse(string text, string pattern, out DateTime value) =>
        DateTime.TryParseExact(text, Expand(pattern), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>A recorded pattern with a time reads timestamps with or without seconds and fractions.</summary>
    private static string[] Expand(string pattern)
    {
        var space = pattern.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? [pattern] : [.. TimeSuffixes.Select(t => pattern[..space] + t)];
    }

    private static string? Reads(IReadOnlyCollection<string> values, string datePattern, bool hasTime)
    {
        var pattern = hasTime ? datePattern + TimeSuffixes[0] : datePattern;
        return values.All(v => TryParse(v, pattern, out _)) ? pattern : null;
    }
}
