using System.Collections;
using System.Data.Common;
using System.Numerics;
using System.Runtime.InteropServices;
using DevEndpoint.Formats;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>A query's result and DuckDB's type of each of its columns (<c>INTEGER</c>, <c>DATE</c>, <c>DECIMAL</c>, <c>VARCHAR</c>...).</summary>
internal sealed record SqlResult(DataFrame Frame, IReadOnlyList<string> Types);

/// <summary>
/// A DuckDB result as a DataFrame, typed as DuckDB typed it: integers, floats and doubles, decimals, booleans, dates and
/// timestamps (<see cref="DateTime"/>, as loads hold them), text, and nulls as nulls. Numbers go into one array per column
/// that becomes the column's buffer, without appending value by value. Lists, structs and maps become JSON text.
/// </summary>
internal static class ResultFrames
{
    /// <summary>Reads at most <paramref name="limit"/> rows of the reader's current result.</summary>
    public static SqlResult Read(DbDataReader reader, long? limit, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => Collector.For(reader.GetFieldType(i), reader.GetDataTypeName(i))).ToList();
        var rows = 0L;
        while ((limit is null || rows < limit) && reader.Read())
        {
            if ((rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].Add(reader, i);
            }

            rows++;
        }

        var names = Names(reader);
        var types = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetDataTypeName(i).ToUpperInvariant()).ToList();
        return new SqlResult(new DataFrame(columns.Select((c, i) => c.Build(names[i]))), types);
    }

    /// <summary>The result's column names, a repeated one numbered (<c>id</c>, <c>id_2</c>), as a DataFrame needs them distinct.</summary>
    /// <summary>How many of a text column's first values <c>--strings auto</c> looks at: a chunk of DuckDB's.</summary>
    internal const int TrialRows = 2048;

    /// <summary>
    /// <c>--strings auto</c>'s rule: a text column whose first <see cref="TrialRows"/> rows hold <paramref name="values"/>
    /// non-null values, <paramref name="distinct"/> of them distinct, is held as UTF-8 bytes when fewer than half of the
    /// values repeat an earlier one (as <c>#!load --strings auto</c> decides).
    /// </summary>
    internal static bool RarelyRepeats(int values, int distinct) => values > 0 && (values - distinct) * 2 < values;

    /// <summary>
    /// The frame with its .NET string columns held as <paramref name="strings"/> says (<c>--strings utf8|auto</c> on a
    /// result the value path read): each as UTF-8 bytes, or those whose first rows rarely repeat.
    /// </summary>
    internal static DataFrame Store(DataFrame frame, StringStorage strings) => new(frame.Columns.Select(column =>
        column is StringDataFrameColumn texts && (strings == StringStorage.Utf8 || RarelyRepeats(texts)) ? Utf8(texts) : column));

    private static bool RarelyRepeats(StringDataFrameColumn texts)
    {
        var first = Enumerable.Range(0, (int)Math.Min(texts.Length, TrialRows)).Select(row => texts[row]).OfType<string>().ToList();
        return RarelyRepeats(first.Count, first.Distinct(StringComparer.Ordinal).Count());
    }

    private static Utf8StringDataFrameColumn Utf8(StringDataFrameColumn texts)
    {
        var count = checked((int)texts.Length);
        var data = new List<byte>();
        var offsets = new int[count + 1];
        var validity = new byte[(count + 7) / 8];
        for (var row = 0; row < count; row++)
        {
            if (texts[row] is { } text)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                if ((long)data.Count + bytes.Length > Array.MaxLength)
                {
                    throw SqlErrors.TooMuchText();
                }

                data.AddRange(bytes);
                validity[row >> 3] |= (byte)(1 << (row & 7));
            }

            offsets[row + 1] = data.Count;
        }

        return new Utf8StringDataFrameColumn(texts.Name, data.ToArray(), MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray(), validity, count, checked((int)texts.NullCount));
    }

    private static List<string> Names(DbDataReader reader) => Unique(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));

    /// <summary>Column names made distinct: a repeated one numbered (<c>id</c>, <c>id_2</c>).</summary>
    internal static List<string> Unique(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var n = 2; !seen.Add(candidate); n++)
            {
                candidate = $"{name}_{n}";
            }

            unique.Add(candidate);
        }

        return unique;
    }

    /// <summary>A column of <typeparamref name="T"/> over <paramref name="data"/> (the values' bytes) and its validity bitmap.</summary>
    internal static DataFrameColumn Primitive<T>(string name, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> bitmap, int count, int nulls)
        where T : unmanaged => (object)default(T) switch
        {
            bool => new BooleanDataFrameColumn(name, data, bitmap, count, nulls),
            sbyte => new SByteDataFrameColumn(name, data, bitmap, count, nulls),
            byte => new ByteDataFrameColumn(name, data, bitmap, count, nulls),
            short => new Int16DataFrameColumn(name, data, bitmap, count, nulls),
            ushort => new UInt16DataFrameColumn(name, data, bitmap, count, nulls),
            int => new Int32DataFrameColumn(name, data, bitmap, count, nulls),
            uint => new UInt32DataFrameColumn(name, data, bitmap, count, nulls),
            long => new Int64DataFrameColumn(name, data, bitmap, count, nulls),
            ulong => new UInt64DataFrameColumn(name, data, bitmap, count, nulls),
            float => new SingleDataFrameColumn(name, data, bitmap, count, nulls),
            double => new DoubleDataFrameColumn(name, data, bitmap, count, nulls),
            decimal => new DecimalDataFrameColumn(name, data, bitmap, count, nulls),
            DateTime => new DateTimeDataFrameColumn(name, data, bitmap, count, nulls),
            _ => new PrimitiveDataFrameColumn<T>(name, data, bitmap, count, nulls),
        };

    private abstract class Collector
    {
        public static Collector For(Type type, string duckType) => type switch
        {
            _ when type == typeof(bool) => new Values<bool>(),
            _ when type == typeof(sbyte) => new Values<sbyte>(),
            _ when type == typeof(byte) => new Values<byte>(),
            _ when type == typeof(short) => new Values<short>(),
            _ when type == typeof(ushort) => new Values<ushort>(),
            _ when type == typeof(int) => new Values<int>(),
            _ when type == typeof(uint) => new Values<uint>(),
            _ when type == typeof(long) => new Values<long>(),
            _ when type == typeof(ulong) => new Values<ulong>(),
            _ when type == typeof(float) => new Values<float>(),
            _ when type == typeof(double) => new Values<double>(),
            _ when type == typeof(decimal) => new Values<decimal>(),
            _ when type == typeof(DateTime) => new Values<DateTime>(),
            _ when type == typeof(DateOnly) => new Dates(),
            _ when type == typeof(TimeSpan) => new Values<TimeSpan>(),
            _ when type == typeof(BigInteger) => new Huge(),
            _ when type == typeof(string) && duckType != "Json" => new Texts(r => r.GetString),
            _ => new Texts(r => i => Json(r.GetValue(i))),
        };

        public abstract void Add(DbDataReader reader, int ordinal);

        public abstract DataFrameColumn Build(string name);

        private static string Json(object value) => value switch
        {
            string text => text,
            IEnumerable or IDictionary => JsonText.Write(value),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    /// <summary>Values of an unmanaged type in an array with a validity bitmap, which become the column's Arrow buffers.</summary>
    private class Values<T> : Collector
        where T : unmanaged
    {
        private T[] values = new T[1024];
        private byte[] validity = new byte[128];
        private int count;
        private int nulls;

        public override void Add(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                Append(default, valid: false);
            }
            else
            {
                Append(Value(reader, ordinal), valid: true);
            }
        }

        protected virtual T Value(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);

        protected void Append(T value, bool valid)
        {
            if (count == values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
                Array.Resize(ref validity, values.Length / 8);
            }

            values[count] = value;
            if (valid)
            {
                validity[count >> 3] |= (byte)(1 << (count & 7));
            }
            else
            {
                nulls++;
            }

            count++;
        }

        public override DataFrameColumn Build(string name) =>
            Primitive<T>(name, MemoryMarshal.AsBytes(values.AsSpan(0, count)).ToArray(), validity.AsMemory(0, (count + 7) / 8), count, nulls);
    }

    /// <summary>DuckDB's dates as <see cref="DateTime"/> at midnight, as loads hold dates.</summary>
    private sealed class Dates : Values<DateTime>
    {
        protected override DateTime Value(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal).ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>HUGEINT (such as a sum of BIGINTs) as decimal, which holds 28 digits.</summary>
    private sealed class Huge : Values<decimal>
    {
        protected override decimal Value(DbDataReader reader, int ordinal) => (decimal)reader.GetFieldValue<BigInteger>(ordinal);
    }

    private sealed class Texts(Func<DbDataReader, Func<int, string>> read) : Collector
    {
        private readonly List<string?> values = [];
        private Func<int, string>? get;

        public override void Add(DbDataReader reader, int ordinal)
        {
            get ??= read(reader);
            values.Add(reader.IsDBNull(ordinal) ? null : get(ordinal));
        }

        public override DataFrameColumn Build(string name) => StringColumns.Create(name, [new ArraySegment<string?>([.. values])]);
    }
}
