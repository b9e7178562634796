using System.Globalization;

namespace DevEndpoint.Frames;

/// <summary>
/// How a value shows in a table, the same in a notebook and on the command line: culture-invariant numbers, ISO dates
/// (a date without a time or a zone, a timestamp without a zone), long text shortened with an ellipsis.
/// </summary>
internal static class CellText
{
    /// <summary>The most characters a cell shows; longer text ends in an ellipsis (the variable keeps it whole).</summary>
    public const int MaxLength = 60;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The text of <paramref name="value"/>; with <paramref name="dateOnly"/>, a <see cref="DateTime"/> shows its date only.</summary>
    public static string Format(object? value, bool dateOnly = false) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTime time => dateOnly ? time.ToString("yyyy-MM-dd", Invariant) : Timestamp(time),
        DateTimeOffset time => Timestamp(time.DateTime) + time.ToString(" zzz", Invariant),
        DateOnly date => date.ToString("yyyy-MM-dd", Invariant),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", Invariant),
        float number => number.ToString("R", Invariant),
        IFormattable formattable => formattable.ToString(null, Invariant),
        _ => Convert.ToString(value, Invariant) ?? string.Empty,
    };

    /// <summary><paramref name="text"/> on one line, at most <paramref name="max"/> characters, the last an ellipsis when cut.</summary>
    public static string Shorten(string text, int max = MaxLength)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }

    /// <summary>Whether values of <paramref name="type"/> are numbers, which tables align right (text aligns left).</summary>
    public static bool IsNumber(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(byte) || underlying == typeof(sbyte) || underlying == typeof(short) || underlying == typeof(ushort)
            || underlying == typeof(int) || underlying == typeof(uint) || underlying == typeof(long) || underlying == typeof(ulong)
            || underlying == typeof(float) || underlying == typeof(double) || underlying == typeof(decimal);
    }

    /// <summary>Whether a cell's text reads as a number (<c>12</c>, <c>-3.5</c>), for tables whose cells are already text.</summary>
    public static bool LooksLikeNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, Invariant, out _);

    private static string Timestamp(DateTime time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", Invariant);
}
