using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DevEndpoint.Writing;

/// <summary>
/// The <c>stats</c> of a Delta <c>add</c>, as the protocol defines them: <c>numRecords</c>, and by data column its
/// <c>nullCount</c> and, where readers can compare them, <c>minValues</c> and <c>maxValues</c>: numbers (not when a
/// float holds NaN or an infinity), dates, timestamps to the millisecond (the minimum rounded down, the maximum up, so
/// both stay bounds) and strings of at most 32 characters, compared as UTF-8 bytes. Booleans have no bounds.
/// </summary>
internal static class DeltaStatistics
{
    /// <summary>Strings longer than this get no bounds (Spark keeps prefixes of this length).</summary>
    private const int MaxStringLength = 32;

    public static string Of(IReadOnlyList<DeltaColumn> columns, IReadOnlyList<long> rows)
    {
        var bounds = columns.Select(c => (Name: c.FileName, Bounds: Bounds(c, rows))).Where(b => b.Bounds is not null).ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("numRecords", rows.Count);
            foreach (var (member, pick) in new (string, Func<(object Min, object Max), object>)[] { ("minValues", b => b.Min), ("maxValues", b => b.Max) })
            {
                writer.WriteStartObject(member);
                bounds.ForEach(b => WriteValue(writer, b.Name, pick(b.Bounds!.Value)));
                writer.WriteEndObject();
            }

            writer.WriteStartObject("nullCount");
            foreach (var column in columns)
            {
                writer.WriteNumber(column.FileName, rows.Count(r => column.Column.Data[r] is null));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The smallest and largest value of the column's rows as the stats write them; <c>null</c> when they get none.</summary>
    private static (object Min, object Max)? Bounds(DeltaColumn column, IReadOnlyList<long> rows)
    {
        var values = rows.Select(r => column.Column.Data[r]).Where(v => v is not null).Select(v => v!).ToList();
        if (values.Count == 0 || values[0] is bool || values.Any(v => v is double d && !double.IsFinite(d) || v is float f && !float.IsFinite(f)))
        {
            return null;
        }

        switch (values[0])
        {
            case string:
                var texts = values.Cast<string>().Order(Utf8Order.Instance).ToList();
                return texts[0].Length > MaxStringLength || texts[^1].Length > MaxStringLength ? null : (texts[0], texts[^1]);
            case DateTime:
                var times = values.Cast<DateTime>().Select(FrameColumn.Utc).Order().ToList();
                return column.HiveType == "date"
                    ? (times[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), times[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : (Millisecond(times[0], up: false), Millisecond(times[^1], up: true));
            default:
                var numbers = values.Cast<IComparable>().Order().ToList();
                return (numbers[0], numbers[^1]);
        }
    }

    /// <summary>A timestamp as the stats write it, ISO 8601 in UTC to the millisecond, rounded down or up.</summary>
    private static string Millisecond(DateTime time, bool up)
    {
        var ticks = time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond);
        if (up && ticks != time.Ticks)
        {
            ticks += TimeSpan.TicksPerMillisecond;
        }

        return new DateTime(ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case decimal number:
                writer.WriteNumber(name, number);
                break;
            case double or float:
                writer.WriteNumber(name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Strings in the order of their UTF-8 bytes, as Delta's readers compare them.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static Utf8Order Instance { get; } = new();

        public int Compare(string? x, string? y) => Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? string.Empty));
    }
}
