using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>
/// Values of one fixed-size Parquet type in the plain encoding, converted to the .NET type Parquet.Net 6.1 reads the
/// column as, by the same arithmetic (so both paths give the same values, down to a decimal's scale and a timestamp's kind).
/// </summary>
internal abstract class PlainValues<T>
    where T : struct
{
    /// <summary>How many bytes <paramref name="count"/> values take.</summary>
    public abstract long BytesFor(int count);

    /// <summary>Decodes <paramref name="target"/>.Length values from <paramref name="source"/>, which holds at least <see cref="BytesFor"/> of them.</summary>
    public abstract void Decode(ReadOnlySpan<byte> source, Span<T> target);
}

/// <summary>Little-endian values stored as they are (INT32, INT64, FLOAT, DOUBLE).</summary>
internal sealed class CopiedValues<T> : PlainValues<T>
    where T : unmanaged
{
    public override long BytesFor(int count) => (long)count * Marshal.SizeOf<T>();

    public override void Decode(ReadOnlySpan<byte> source, Span<T> target) =>
        MemoryMarshal.Cast<byte, T>(source[..(int)BytesFor(target.Length)]).CopyTo(target);
}

/// <summary>BOOLEAN: one bit per value, least significant first.</summary>
internal sealed class BooleanValues : PlainValues<bool>
{
    public override long BytesFor(int count) => (count + 7L) / 8;

    public override void Decode(ReadOnlySpan<byte> source, Span<bool> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (source[i >> 3] & (1 << (i & 7))) != 0;
        }
    }
}

/// <summary>DATE: days since 1970-01-01 as INT32, read as a <see cref="DateOnly"/>.</summary>
internal sealed class DateValues : PlainValues<DateOnly>
{
    public override long BytesFor(int count) => count * 4L;

    public override void Decode(ReadOnlySpan<byte> source, Span<DateOnly> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = DateOnly.FromDayNumber(ParquetTimes.DayNumber(BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..])));
        }
    }
}

/// <summary>DATE read for a <c>date</c> column: the <see cref="DateOnly"/> as the column stores it (midnight, unspecified kind).</summary>
internal sealed class DateTimeDateValues : PlainValues<DateTime>
{
    public override long BytesFor(int count) => count * 4L;

    public override void Decode(ReadOnlySpan<byte> source, Span<DateTime> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = new DateTime(ParquetTimes.DayNumber(BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..])) * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);
        }
    }
}

/// <summary>
/// DECIMAL stored as INT32 or INT64: the unscaled integer times 10^-scale, as Parquet.Net multiplies it. When that
/// factor is exactly 1 at the scale (up to 10^-28), the product is the integer at that scale, built directly.
/// </summary>
internal sealed class IntegerDecimalValues : PlainValues<decimal>
{
    private readonly int size;
    private readonly decimal factor;
    private readonly byte? scale;

    public IntegerDecimalValues(int size, int scale)
    {
        this.size = size;
        factor = (decimal)Math.Pow(10, -scale);
        this.scale = factor.Scale == scale && decimal.GetBits(factor) is [1, 0, 0, _] ? (byte)scale : null;
    }

    public override long BytesFor(int count) => (long)count * size;

    public override void Decode(ReadOnlySpan<byte> source, Span<decimal> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var unscaled = size == 4 ? BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..]) : BinaryPrimitives.ReadInt64LittleEndian(source[(i * 8)..]);
            if (scale is { } exact)
            {
                var magnitude = unscaled < 0 ? (ulong)-(unscaled + 1) + 1 : (ulong)unscaled;
                target[i] = new decimal((int)magnitude, (int)(magnitude >> 32), 0, unscaled < 0, exact);
            }
            else
            {
                target[i] = unscaled * factor;
            }
        }
    }
}

/// <summary>DECIMAL stored as FIXED_LEN_BYTE_ARRAY (up to 16 bytes): a big-endian two's complement unscaled integer.</summary>
internal sealed class FixedDecimalValues(int length, int scale) : PlainValues<decimal>
{
    private readonly Int128 power = Int128.CreateChecked(System.Numerics.BigInteger.Pow(10, scale));

    public override long BytesFor(int count) => (long)count * length;

    public override void Decode(ReadOnlySpan<byte> source, Span<decimal> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var bytes = source.Slice(i * length, length);
            Int128 unscaled = (sbyte)bytes[0];
            foreach (var b in bytes[1..])
            {
                unscaled = (unscaled << 8) | b;
            }

            var whole = (decimal)(unscaled / power);
            target[i] = whole + ((decimal)(unscaled % power) / (decimal)power);
        }
    }
}

/// <summary>TIMESTAMP stored as INT64 (milli-, micro- or nanoseconds since the epoch).</summary>
internal sealed class TimestampValues(ParquetTimes.Unit unit, DateTimeKind? kind) : PlainValues<DateTime>
{
    public override long BytesFor(int count) => count * 8L;

    public override void Decode(ReadOnlySpan<byte> source, Span<DateTime> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var value = ParquetTimes.FromInt64(BinaryPrimitives.ReadInt64LittleEndian(source[(i * 8)..]), unit);
            target[i] = kind is { } k ? DateTime.SpecifyKind(value, k) : value;
        }
    }
}

/// <summary>INT96 timestamps (nanoseconds of the day, then the Julian day).</summary>
internal sealed class Int96Values : PlainValues<DateTime>
{
    /// <summary>The last Julian day seen and its midnight: timestamps mostly come in runs of the same day.</summary>
    private int lastDay = int.MinValue;
    private DateTime midnight;

    public override long BytesFor(int count) => count * 12L;

    public override void Decode(ReadOnlySpan<byte> source, Span<DateTime> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var value = source.Slice(i * 12, 12);
            var day = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
            if (day != lastDay)
            {
                midnight = ParquetTimes.FromJulianDay(day);
                lastDay = day;
            }

            target[i] = midnight.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(value) / 100);
        }
    }
}

/// <summary>Parquet's times as Parquet.Net 6.1 converts them.</summary>
internal static class ParquetTimes
{
    public enum Unit
    {
        Millis,
        Micros,
        Nanos,
    }

    public static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime FromInt64(long value, Unit unit) => unit switch
    {
        Unit.Millis => UnixEpoch.AddMilliseconds(value),
        Unit.Micros => UnixEpoch.AddMilliseconds(value / 1000).AddTicks(value % 1000 * 10),
        _ => UnixEpoch.AddMilliseconds(value / 1_000_000).AddTicks(value % 1_000_000 / 100),
    };

    /// <summary>Days from 0001-01-01 to 1970-01-01.</summary>
    private const int EpochDayNumber = 719_162;

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of a DATE; one outside years 1 to 9999 throws, as Parquet.Net's conversion does.</summary>
    public static int DayNumber(int unixDays)
    {
        var day = (long)unixDays + EpochDayNumber;
        return day is >= 0 and <= 3_652_058 ? (int)day : throw new ArgumentOutOfRangeException(nameof(unixDays), unixDays, "a date outside years 1 to 9999");
    }

    /// <summary>The Julian day's civil date at midnight (Fliegel and Van Flandern's algorithm, years below 1 taken as 1), of unspecified kind.</summary>
    public static DateTime FromJulianDay(int julianDay)
    {
        long l = julianDay + 68569;
        var n = 4 * l / 146097;
        l -= ((146097 * n) + 3) / 4;
        var i = 4000 * (l + 1) / 1461001;
        l = l - (1461 * i / 4) + 31;
        var j = 80 * l / 2447;
        var day = (int)(l - (2447 * j / 80));
        l = j / 11;
        var month = (int)(j + 2 - (12 * l));
        var year = Math.Max((int)((100 * (n - 49)) + i + l), 1);
        return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
    }
}
