using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

/// <summary>
/// What a frame holds, in figures any other engine can compute over the same data: the row count, and per column the
/// nulls, the sum of a numeric column and the UTF-8 bytes of a string column. Comparing two summaries checks a load
/// cell by cell without holding both tables.
/// </summary>
public sealed record FrameSummary(long Rows, IReadOnlyList<ColumnSummary> Columns)
{
    /// <summary>
    /// Summarises <paramref name="frame"/>, whose columns are named as in <paramref name="schema"/> (the catalog's
    /// columns); the columns are summarised at once, one per core.
    /// </summary>
    public static FrameSummary Of(DataFrame frame, IEnumerable<Column> schema)
    {
        var types = schema.ToDictionary(c => c.Name, c => c.Type, StringComparer.OrdinalIgnoreCase);
        var typed = frame.Columns.Select(column => types.TryGetValue(column.Name, out var type)
            ? (Column: column, Type: type)
            : throw new ArgumentException($"The frame's column '{column.Name}' is not in the schema ({string.Join(", ", types.Keys)}).", nameof(schema))).ToList();
        var columns = new ColumnSummary[typed.Count];
        Parallel.For(0, typed.Count, i => columns[i] = Summarize(typed[i].Column, typed[i].Type));
        return new FrameSummary(frame.Rows.Count, columns);
    }

    /// <summary>
    /// Writes the properties <c>rows</c> and <c>columns</c> (each <c>{"name", "type", "nulls", "sum" | "utf8Bytes"}</c>)
    /// into the JSON object <paramref name="writer"/> is in. A sum is a JSON number, exact for integers and decimals;
    /// <c>null</c> when the column holds no value.
    /// </summary>
    public void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteNumber("rows", Rows);
        writer.WriteStartArray("columns");
        foreach (var column in Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteNumber("nulls", column.Nulls);
            if (column.Sum is { } sum)
            {
                writer.WritePropertyName("sum");
                if (sum.Exact is { } exact)
                {
                    writer.WriteNumberValue(exact);
                }
                else if (sum.Approximate is { } approximate)
                {
                    writer.WriteNumberValue(approximate);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            if (column.Utf8Bytes is { } bytes)
            {
                writer.WriteNumber("utf8Bytes", bytes);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static ColumnSummary Summarize(DataFrameColumn column, string type)
    {
        var summary = new ColumnSummary(column.Name, type, column.NullCount, null, null);
        return column switch
        {
            PrimitiveDataFrameColumn<sbyte> c => summary with { Sum = IntegerSum(c) },
            PrimitiveDataFrameColumn<short> c => summary with { Sum = IntegerSum(c) },
            PrimitiveDataFrameColumn<int> c => summary with { Sum = IntegerSum(c) },
            PrimitiveDataFrameColumn<long> c => summary with { Sum = IntegerSum(c) },
            PrimitiveDataFrameColumn<decimal> c => summary with { Sum = ExactOrApproximate(c) },
            PrimitiveDataFrameColumn<float> c => summary with { Sum = Approximate(c) },
            PrimitiveDataFrameColumn<double> c => summary with { Sum = Approximate(c) },
            StringDataFrameColumn c => summary with { Utf8Bytes = StringColumns.Utf8ByteCount(c) },
            ArrowStringDataFrameColumn c => summary with { Utf8Bytes = Utf8Bytes(c) },
            _ => summary,
        };
    }

    /// <summary>The exact sum of an integer column: added up as longs, checked, and again as 128-bit integers if that overflows.</summary>
    private static NumericSum IntegerSum<T>(PrimitiveDataFrameColumn<T> column)
        where T : unmanaged, IBinaryInteger<T>
    {
        try
        {
            return Exact<T, long>(column);
        }
        catch (OverflowException)
        {
            return Exact<T, Int128>(column);
        }
    }

    private static NumericSum Exact<T, TSum>(PrimitiveDataFrameColumn<T> column)
        where T : unmanaged, INumberBase<T>
        where TSum : INumber<TSum>
    {
        var (sum, values) = Add<T, TSum>(column);
        return new NumericSum(values == 0 ? null : decimal.CreateChecked(sum), null);
    }

    /// <summary>The exact sum of a decimal column, or, when that is beyond what a decimal holds, its sum as a double.</summary>
    private static NumericSum ExactOrApproximate(PrimitiveDataFrameColumn<decimal> column)
    {
        try
        {
            return DecimalSum(column);
        }
        catch (OverflowException)
        {
            return Approximate(column);
        }
    }

    /// <summary>
    /// The exact sum of a decimal column. The values of a <c>decimal(p,s)</c> column share a scale, so they are added as
    /// 96-bit integers (a tenth of the time of decimal additions); values of another scale, or a total past what a decimal
    /// holds that way, are added as decimals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NumericSum DecimalSum(PrimitiveDataFrameColumn<decimal> column)
    {
        Span<int> parts = stackalloc int[4];
        var scale = -1;
        var units = Int128.Zero;
        var rest = 0m;
        var values = 0L;
        foreach (var (data, validity) in column.GetReadOnlyDataBuffers().Zip(column.GetReadOnlyNullBitMapBuffers()))
        {
            var span = data.Span;
            var bits = validity.Span;
            for (var i = 0; i < span.Length; i++)
            {
                if (!IsValid(bits, i))
                {
                    continue;
                }

                values++;
                decimal.GetBits(span[i], parts);
                scale = scale < 0 ? (parts[3] >> 16) & 0xFF : scale;
                if (((parts[3] >> 16) & 0xFF) != scale)
                {
                    rest += span[i];
                    continue;
                }

                var magnitude = ((Int128)(uint)parts[2] << 64) | ((Int128)(uint)parts[1] << 32) | (uint)parts[0];
                units += parts[3] < 0 ? -magnitude : magnitude;
            }
        }

        if (values == 0)
        {
            return new NumericSum(null, null);
        }

        var magnitudeOfUnits = Int128.Abs(units);
        if (magnitudeOfUnits >> 96 != 0)
        {
            return Exact<decimal, decimal>(column);
        }

        var ofScale = new decimal((int)(uint)magnitudeOfUnits, (int)(uint)(magnitudeOfUnits >> 32), (int)(uint)(magnitudeOfUnits >> 64), units < 0, (byte)scale);
        return new NumericSum(ofScale + rest, null);
    }

    private static NumericSum Approximate<T>(PrimitiveDataFrameColumn<T> column)
        where T : unmanaged, INumberBase<T>
    {
        var (sum, values) = Add<T, double>(column);
        return new NumericSum(null, values == 0 ? null : sum);
    }

    /// <summary>The sum of the non-null values, each converted to <typeparamref name="TSum"/> and added checked, and how many there are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (TSum Sum, long Values) Add<T, TSum>(PrimitiveDataFrameColumn<T> column)
        where T : unmanaged, INumberBase<T>
        where TSum : INumber<TSum>
    {
        var sum = TSum.Zero;
        var values = 0L;
        foreach (var (data, validity) in column.GetReadOnlyDataBuffers().Zip(column.GetReadOnlyNullBitMapBuffers()))
        {
            var span = data.Span;
            var bits = validity.Span;
            if (column.NullCount == 0)
            {
                foreach (var value in span)
                {
                    sum = checked(sum + TSum.CreateTruncating(value));
                }

                values += span.Length;
                continue;
            }

            for (var i = 0; i < span.Length; i++)
            {
                if (IsValid(bits, i))
                {
                    sum = checked(sum + TSum.CreateTruncating(span[i]));
                    values++;
                }
            }
        }

        return (sum, values);
    }

    /// <summary>The bytes of the non-null values: each value's length from the Arrow offsets buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Utf8Bytes(ArrowStringDataFrameColumn column)
    {
        var bytes = 0L;
        foreach (var (offsets, validity) in column.GetReadOnlyOffsetsBuffers().Zip(column.GetReadOnlyNullBitMapBuffers()))
        {
            var span = offsets.Span;
            var bits = validity.Span;
            for (var i = 0; i + 1 < span.Length; i++)
            {
                if (IsValid(bits, i))
                {
                    bytes += span[i + 1] - span[i];
                }
            }
        }

        return bytes;
    }

    /// <summary>Whether value <paramref name="index"/> of a buffer is set, in Arrow's validity bitmap (bit set = not null).</summary>
    private static bool IsValid(ReadOnlySpan<byte> bitmap, int index) => (bitmap[index >> 3] & (1 << (index & 7))) != 0;
}
