using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Transforms;

/// <summary>
/// Which Hive types widen to which, and how one value casts to a type, as Spark casts in its ANSI mode: numbers widen
/// tinyint &lt; smallint &lt; int &lt; bigint &lt; float &lt; double (integers also to any decimal, decimals to double,
/// date to timestamp); a fraction cast to an integer type is truncated toward zero, a number cast to a decimal is rounded
/// half up to its scale, and a value outside the target's range fails (Spark fails the job, a transform makes it a null
/// and an error record).
/// </summary>
internal static class HiveCasts
{
    private static readonly string[] NumberRanks = ["tinyint", "smallint", "int", "bigint", "float", "double"];

    /// <summary>The type's family: the type itself, or <c>decimal</c> for any <c>decimal(p,s)</c>.</summary>
    public static string Family(string type) => HiveTypes.ParseDecimal(type) is not null ? "decimal" : type;

    public static bool IsNumber(string type) => Array.IndexOf(NumberRanks, type) >= 0 || Family(type) == "decimal";

    /// <summary>Whether every value of type <paramref name="from"/> is one of <paramref name="to"/> as Spark widens types.</summary>
    public static bool Widens(string from, string to)
    {
        from = Family(from);
        to = Family(to);
        var rankFrom = Array.IndexOf(NumberRanks, from);
        var rankTo = Array.IndexOf(NumberRanks, to);
        return from == to
            || (rankFrom >= 0 && rankTo >= rankFrom)
            || (rankFrom is >= 0 and <= 3 && to == "decimal")
            || (from == "decimal" && to == "double")
            || (from == "date" && to == "timestamp");
    }

    /// <summary>
    /// The narrowest type both types widen to (<c>bigint</c> for <c>int</c> and <c>bigint</c>; <c>decimal(38,18)</c> for
    /// the decimal family), or <c>null</c> when they have none.
    /// </summary>
    public static string? Wider(string a, string b)
    {
        var wider = Widens(a, b) ? b : Widens(b, a) ? a : IsNumber(a) && IsNumber(b) ? "double" : null;
        return wider is not null && Family(wider) == "decimal" ? "decimal(38,18)" : wider;
    }

    /// <summary>Whether values of type <paramref name="from"/> cast to <paramref name="to"/> at all (row by row they may still fail).</summary>
    public static bool CanCast(string from, string to) =>
        from == "string" || to == "string"
        || ((IsNumber(from) || from == "boolean") && (IsNumber(to) || to == "boolean"))
        || (from is "date" or "timestamp" && to is "date" or "timestamp");

    /// <summary>
    /// A value (a .NET value of a frame column, not text) as a value of Hive type <paramref name="to"/>, or the reason it
    /// is not one. <paramref name="from"/> is the value's Hive type (it tells a date from a timestamp).
    /// </summary>
    public static object? Cast(object value, string from, string to, out string? reason)
    {
        reason = null;
        if (to == "string")
        {
            return value is DateTime time && from == "timestamp" ? Timestamp(time) : FrameColumns.Text(value);
        }

        if (value is DateTime dateTime)
        {
            return to == "date" ? dateTime.Date : dateTime;
        }

        if (to == "boolean")
        {
            return value is bool b ? b : Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0;
        }

        var number = value is bool flag ? (flag ? 1 : 0) : value;
        var result = to switch
        {
            "double" => Convert.ToDouble(number, CultureInfo.InvariantCulture),
            "float" => Float(Convert.ToDouble(number, CultureInfo.InvariantCulture)),
            _ when HiveTypes.ParseDecimal(to) is { } decimalType => Decimal(number, decimalType.Precision, decimalType.Scale),
            _ => Integer(number, to),
        };
        reason = result is null ? $"out of range for {to}." : null;
        return result;
    }

    private static object? Float(double value)
    {
        var single = (float)value;
        return float.IsInfinity(single) && !double.IsInfinity(value) ? null : single;
    }

    private static object? Decimal(object value, int precision, int scale)
    {
        if (value is double or float && !double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
        {
            return null;
        }

        decimal number;
        try
        {
            number = Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), scale, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            return null;
        }

        var integerDigits = precision - scale;
        return integerDigits >= 29 || Math.Abs(Math.Truncate(number)) < Pow10(integerDigits) ? number : null;

        static decimal Pow10(int exponent) => Enumerable.Repeat(10m, exponent).Aggregate(1m, (p, ten) => p * ten);
    }

    /// <summary>A number as an integer type: fractions truncated toward zero; <c>null</c> outside the type's range.</summary>
    private static object? Integer(object value, string to)
    {
        (long Min, long Max) range = to switch
        {
            "tinyint" => (sbyte.MinValue, sbyte.MaxValue),
            "smallint" => (short.MinValue, short.MaxValue),
            "int" => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        decimal whole;
        if (value is double or float)
        {
            var d = Math.Truncate(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            if (!(d >= range.Min && d <= range.Max))
            {
                return null;
            }

            whole = (decimal)d;
        }
        else
        {
            whole = Math.Truncate(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
        }

        if (whole < range.Min || whole > range.Max)
        {
            return null;
        }

        return to switch
        {
            "tinyint" => (sbyte)whole,
            "smallint" => (short)whole,
            "int" => (int)whole,
            _ => (object)(long)whole,
        };
    }

    private static string Timestamp(DateTime time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
