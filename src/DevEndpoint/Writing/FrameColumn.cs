using System.Globalization;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Writing;

/// <summary>A DataFrame column as a writer sees it: its name, the Hive type the catalog records for it, and its values as text.</summary>
internal sealed class FrameColumn
{
    private FrameColumn(DataFrameColumn data, string hiveType)
    {
        Data = data;
        HiveType = hiveType;
    }

    public DataFrameColumn Data { get; }

    public string Name => Data.Name;

    /// <summary>
    /// <c>boolean</c>, <c>tinyint</c>, <c>smallint</c>, <c>int</c>, <c>bigint</c>, <c>float</c>, <c>double</c>, <c>decimal(p,s)</c> (the precision and scale
    /// the values need), <c>string</c>, and for <see cref="DateTime"/> columns <c>date</c> when every value is at midnight, else <c>timestamp</c>.
    /// </summary>
    public string HiveType { get; }

    public static FrameColumn Of(DataFrameColumn column) => new(column, column.DataType switch
    {
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(sbyte) => "tinyint",
        var t when t == typeof(short) => "smallint",
        var t when t == typeof(int) => "int",
        var t when t == typeof(long) => "bigint",
        var t when t == typeof(float) => "float",
        var t when t == typeof(double) => "double",
        var t when t == typeof(decimal) => DecimalType(column),
        var t when t == typeof(string) => "string",
        var t when t == typeof(DateTime) => Values<DateTime>(column).All(v => v.TimeOfDay == TimeSpan.Zero) && column.NullCount < column.Length ? "date" : "timestamp",
        var t => throw new DevEndpointException(
            $"Column '{column.Name}' holds {t.Name} values, which cannot be written. Convert it to one of: bool, sbyte, short, int, long, float, double, decimal, string, DateTime."),
    });

    /// <summary>The non-null values of a column of <typeparamref name="T"/>.</summary>
    public static IEnumerable<T> Values<T>(DataFrameColumn column)
        where T : struct
    {
        for (long row = 0; row < column.Length; row++)
        {
            if (column[row] is T value)
            {
                yield return value;
            }
        }
    }

    /// <summary>The value of a row as CSV, JSON and partition folders hold it: ISO 8601 dates and zone-less timestamps, invariant numbers; <c>null</c> for null.</summary>
    public string? Text(long row, char timeSeparator = ' ') => Data[row] switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateTime d when HiveType == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => Utc(d).ToString($"yyyy-MM-dd'{timeSeparator}'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>A local time as UTC, the time zone the loader gives zoned timestamps; other times as they are.</summary>
    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;

    private static string DecimalType(DataFrameColumn column)
    {
        var (digits, scale) = Values<decimal>(column).Aggregate((Digits: 1, Scale: 0), (max, value) =>
        {
            var integer = decimal.Truncate(Math.Abs(value));
            var count = 1;
            while ((integer = decimal.Truncate(integer / 10)) > 0)
            {
                count++;
            }

            return (Math.Max(max.Digits, count), Math.Max(max.Scale, value.Scale));
        });
        return string.Create(CultureInfo.InvariantCulture, $"decimal({Math.Min(38, digits + scale)},{scale})");
    }
}
