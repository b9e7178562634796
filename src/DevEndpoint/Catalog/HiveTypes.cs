using System.Globalization;
using System.Text.RegularExpressions;

namespace DevEndpoint.Catalog;

/// <summary>Hive type strings as the catalog records them (<c>int</c>, <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>).</summary>
internal static partial class HiveTypes
{
    private static readonly string[] IntegerRanks = ["tinyint", "smallint", "int", "bigint"];

    /// <summary>The narrowest type that holds values of both types; <c>string</c> when they do not mix.</summary>
    public static string Widen(string a, string b)
    {
        a = a.Trim().ToLowerInvariant();
        b = b.Trim().ToLowerInvariant();
        if (a == b)
        {
            return a;
        }

        var rankA = Array.IndexOf(IntegerRanks, a);
        var rankB = Array.IndexOf(IntegerRanks, b);
        if (rankA >= 0 && rankB >= 0)
        {
            return IntegerRanks[Math.Max(rankA, rankB)];
        }

        var decimalA = ParseDecimal(a);
        var decimalB = ParseDecimal(b);
        if (decimalA is not null && decimalB is not null)
        {
            var scale = Math.Max(decimalA.Value.Scale, decimalB.Value.Scale);
            var integerDigits = Math.Max(decimalA.Value.Precision - decimalA.Value.Scale, decimalB.Value.Precision - decimalB.Value.Scale);
            return integerDigits + scale <= 38 ? Decimal(integerDigits + scale, scale) : "double";
        }

        if (decimalA is not null && rankB >= 0 || decimalB is not null && rankA >= 0)
        {
            var (precision, scale) = decimalA ?? decimalB!.Value;
            return Decimal(Math.Min(38, Math.Max(precision, 19 + scale)), scale);
        }

        if (IsNumeric(a) && IsNumeric(b))
        {
            return "double";
        }

        return a is "date" or "timestamp" && b is "date" or "timestamp" ? "timestamp" : "string";
    }

    /// <summary>The precision and scale of a <c>decimal(p,s)</c> type, or <c>null</c> for other types.</summary>
    public static (int Precision, int Scale)? ParseDecimal(string type)
    {
        var match = DecimalPattern().Match(type);
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>
    /// The .NET type of the DataFrame column that holds values of a Hive type: <c>date</c> and <c>timestamp</c> are both
    /// <see cref="DateTime"/>, <c>decimal(p,s)</c> is <see cref="decimal"/>, and every type without a column of its own
    /// (<c>string</c>, <c>binary</c>, arrays, maps, structs) is <see cref="string"/>.
    /// </summary>
    internal static Type DotnetType(string type) => type.ToLowerInvariant() switch
    {
        "boolean" => typeof(bool),
        "tinyint" => typeof(sbyte),
        "smallint" => typeof(short),
        "int" => typeof(int),
        "bigint" => typeof(long),
        "float" => typeof(float),
        "double" => typeof(double),
        "date" or "timestamp" => typeof(DateTime),
        var other when ParseDecimal(other) is not null => typeof(decimal),
        _ => typeof(string),
    };

    /// <summary>
    /// The items of a comma-separated list of types (or of struct fields), split only at the commas outside angle
    /// brackets and parentheses: <c>string,decimal(10,2),map&lt;string,int&gt;</c> is three types.
    /// </summary>
    public static IEnumerable<string> SplitList(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            if (i < list.Length && list[i] is '<' or '(')
            {
                depth++;
            }
            else if (i < list.Length && list[i] is '>' or ')')
            {
                depth--;
            }
            else if (i == list.Length || (list[i] == ',' && depth == 0))
            {
                yield return list[start..i].Trim();
                start = i + 1;
            }
        }
    }

    private static bool IsNumeric(string type) =>
        Array.IndexOf(IntegerRanks, type) >= 0 || type is "float" or "double" || ParseDecimal(type) is not null;

    private static string Decimal(int precision, int scale) => string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{scale})");

    [GeneratedRegex(@"^decimal\((\d+),\s*(\d+)\)$")]
    private static partial Regex DecimalPattern();
}
