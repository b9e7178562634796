using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using DevEndpoint.Frames;
using DuckDB.NET.Native;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>The columns a chunked result fills, one per DuckDB type it takes, each typed as the value path types it.</summary>
internal static unsafe partial class ChunkResults
{
    /// <summary>The largest scale a .NET decimal holds.</summary>
    private const byte MaxScale = 28;

    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    private abstract class Column(string typeName)
    {
        /// <summary>DuckDB's name of the column's type, as the value path names it (<c>INTEGER</c>, <c>DECIMAL</c>...).</summary>
        public string TypeName { get; } = typeName;

        /// <summary>The column for a result column of <paramref name="type"/>, or null where the value path must read it.</summary>
        public static Column? For(Exports native, DuckDBLogicalType type, StringStorage strings)
        {
            if (native.Alias(type) is not null)
            {
                return null;
            }

            var id = NativeMethods.LogicalType.DuckDBGetTypeId(type);
            var name = id.ToString().ToUpperInvariant();
            return id switch
            {
                DuckDBType.Boolean => new Numbers<bool, bool>(name, null),
                DuckDBType.TinyInt => new Numbers<sbyte, sbyte>(name, null),
                DuckDBType.SmallInt => new Numbers<short, short>(name, null),
                DuckDBType.Integer => new Numbers<int, int>(name, null),
                DuckDBType.BigInt => new Numbers<long, long>(name, null),
                DuckDBType.UnsignedTinyInt => new Numbers<byte, byte>(name, null),
                DuckDBType.UnsignedSmallInt => new Numbers<ushort, ushort>(name, null),
                DuckDBType.UnsignedInteger => new Numbers<uint, uint>(name, null),
                DuckDBType.UnsignedBigInt => new Numbers<ulong, ulong>(name, null),
                DuckDBType.Float => new Numbers<float, float>(name, null),
                DuckDBType.Double => new Numbers<double, double>(name, null),
                DuckDBType.Date => new Numbers<int, DateTime>(name, days => new DateTime(EpochTicks + (days * TimeSpan.TicksPerDay))),
                DuckDBType.Timestamp => new Numbers<long, DateTime>(name, micros => new DateTime(EpochTicks + (micros * TimeSpan.TicksPerMicrosecond))),
                DuckDBType.HugeInt => new Numbers<Int128, decimal>(name, huge => (decimal)(BigInteger)huge),
                DuckDBType.Decimal => Decimals(type, name),
                DuckDBType.Varchar => strings switch
                {
                    StringStorage.Utf8 => new Utf8Texts(name),
                    StringStorage.Auto => new AutoTexts(name),
                    _ => new Texts(name),
                },
                _ => null,
            };
        }

        /// <summary>Appends the first <paramref name="count"/> rows of a chunk's vector.</summary>
        public abstract void Append(nint vector, int count);

        public abstract DataFrameColumn Build(string name);

        /// <summary>Whether row <paramref name="row"/> of a vector is valid (a null validity mask: every row is).</summary>
        protected static bool Valid(ulong* mask, int row) => mask is null || ((mask[row >> 6] >> (row & 63)) & 1) != 0;

        /// <summary>
        /// DuckDB's decimals by their storage: up to 18 digits as the value path reads them, with their scale (<c>1.20</c>);
        /// 128-bit ones (wider than 18 digits, such as sums) as the whole part plus the fraction, which .NET normalizes (<c>1.2</c>)
        /// and rounds to the 28 digits a decimal holds, as the value path does. A scale beyond 28 goes the value path.
        /// </summary>
        private static Column? Decimals(DuckDBLogicalType type, string name)
        {
            var scale = NativeMethods.LogicalType.DuckDBDecimalScale(type);
            return NativeMethods.LogicalType.DuckDBDecimalInternalType(type) switch
            {
                DuckDBType.SmallInt => new Numbers<short, decimal>(name, value => Decimal(value, scale)),
                DuckDBType.Integer => new Numbers<int, decimal>(name, value => Decimal(value, scale)),
                DuckDBType.BigInt => new Numbers<long, decimal>(name, value => Decimal(value, scale)),
                _ when scale <= MaxScale => new Numbers<Int128, decimal>(name, value => Decimal(value, scale)),
                _ => null,
            };
        }

        /// <summary>The decimal of DuckDB's unscaled integer <paramref name="value"/> and its <paramref name="scale"/>, keeping the scale.</summary>
        private static decimal Decimal(long value, byte scale)
        {
            var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, scale);
        }

        /// <summary>A 128-bit unscaled value as its whole part plus its fraction; a whole part beyond a decimal's range fails as in the value path.</summary>
        private static decimal Decimal(Int128 value, byte scale)
        {
            if (scale <= 18 && value >= long.MinValue && value <= long.MaxValue)
            {
                var power = (long)Math.Pow(10, scale);
                var (whole, rest) = Math.DivRem((long)value, power);
                return whole + ((decimal)rest / power);
            }

            var big = BigInteger.Pow(10, scale);
            var quotient = BigInteger.DivRem(value, big, out var remainder);
            return (decimal)quotient + ((decimal)remainder / (decimal)big);
        }
    }

    /// <summary>
    /// Fixed-width values (<typeparamref name="TSource"/> in DuckDB's vector) into an array of <typeparamref name="T"/> and a
    /// validity bitmap that become the column's buffers: a block copy where the types are the same, else converted per valid row.
    /// </summary>
    private sealed class Numbers<TSource, T>(string typeName, Func<TSource, T>? convert) : Column(typeName)
        where TSource : unmanaged
        where T : unmanaged
    {
        private byte[] data = new byte[2048 * sizeof(T)];
        private byte[] validity = new byte[256];
        private int count;
        private int nulls;

        public override void Append(nint vector, int take)
        {
            Grow(take);
            var source = new ReadOnlySpan<TSource>(NativeMethods.Vectors.DuckDBVectorGetData(vector), take);
            var target = MemoryMarshal.Cast<byte, T>(data.AsSpan()).Slice(count, take);
            var mask = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            if (convert is null)
            {
                MemoryMarshal.Cast<TSource, T>(source).CopyTo(target);
            }

            for (var i = 0; i < take; i++)
            {
                var row = count + i;
                if (Valid(mask, i))
                {
                    validity[row >> 3] |= (byte)(1 << (row & 7));
                    if (convert is not null)
                    {
                        target[i] = convert(source[i]);
                    }
                }
                else
                {
                    target[i] = default;
                    nulls++;
                }
            }

            count += take;
        }

        public override DataFrameColumn Build(string name) =>
            ResultFrames.Primitive<T>(name, data.AsMemory(0, count * sizeof(T)), validity.AsMemory(0, (count + 7) / 8), count, nulls);

        private void Grow(int take)
        {
            var capacity = data.Length / sizeof(T);
            if (count + take <= capacity)
            {
                return;
            }

            while (capacity < count + take)
            {
                capacity *= 2;
            }

            Array.Resize(ref data, capacity * sizeof(T));
            Array.Resize(ref validity, (capacity + 7) / 8);
        }
    }

    /// <summary>
    /// VARCHAR values decoded from DuckDB's 16-byte string slots: the length, then the text inline (up to 12 bytes) or a
    /// pointer to it. Short values that repeat (categories, codes) are shared through a <see cref="Utf8Pool"/>, one string
    /// per distinct value, as <c>#!load</c> shares them; a column whose values rarely repeat stops looking them up.
    /// </summary>
    private sealed class Texts(string typeName) : Column(typeName)
    {
        private const int Inline = 12;

        private readonly Utf8Pool pool = new();
        private string?[] values = new string?[2048];
        private int count;

        public override void Append(nint vector, int take)
        {
            if (count + take > values.Length)
            {
                Array.Resize(ref values, Math.Max(values.Length * 2, count + take));
            }

            var slots = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
            var mask = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            for (var i = 0; i < take; i++)
            {
                if (Valid(mask, i))
                {
                    var slot = slots + (i * 16);
                    var length = *(uint*)slot;
                    var text = length <= Inline ? slot + 4 : *(byte**)(slot + 8);
                    values[count + i] = pool.Get(new ReadOnlySpan<byte>(text, (int)length));
                }
            }

            count += take;
        }

        public override DataFrameColumn Build(string name) => StringColumns.Create(name, [new ArraySegment<string?>(values, 0, count)]);
    }

    /// <summary>VARCHAR values as UTF-8 bytes copied from DuckDB's string slots into a <see cref="Utf8StringDataFrameColumn"/>'s buffers (<c>--strings utf8</c>).</summary>
    private sealed class Utf8Texts(string typeName) : Column(typeName)
    {
        private const int Inline = 12;

        private byte[] data = new byte[2048 * 16];
        private int[] offsets = new int[2049];
        private byte[] validity = new byte[256];
        private int count;
        private int nulls;

        public override void Append(nint vector, int take)
        {
            if (count + take + 1 > offsets.Length)
            {
                var capacity = Math.Max(offsets.Length * 2, count + take + 1);
                Array.Resize(ref offsets, capacity);
                Array.Resize(ref validity, (capacity + 7) / 8);
            }

            var slots = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
            var mask = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            var end = offsets[count];
            for (var i = 0; i < take; i++)
            {
                var row = count + i;
                if (Valid(mask, i))
                {
                    var slot = slots + (i * 16);
                    var length = (int)*(uint*)slot;
                    var text = length <= Inline ? slot + 4 : *(byte**)(slot + 8);
                    if (end + length > data.Length)
                    {
                        Grow(end + (long)length);
                    }

                    new ReadOnlySpan<byte>(text, length).CopyTo(data.AsSpan(end));
                    end += length;
                    validity[row >> 3] |= (byte)(1 << (row & 7));
                }
                else
                {
                    nulls++;
                }

                offsets[row + 1] = end;
            }

            count += take;
        }

        /// <summary>Room for <paramref name="needed"/> bytes of text: doubled, up to the most an array holds.</summary>
        private void Grow(long needed)
        {
            if (needed > Array.MaxLength)
            {
                throw SqlErrors.TooMuchText();
            }

            Array.Resize(ref data, (int)Math.Min(Array.MaxLength, Math.Max(2L * data.Length, needed)));
        }

        public override DataFrameColumn Build(string name) => new Utf8StringDataFrameColumn(
            name,
            data.AsMemory(0, offsets[count]),
            MemoryMarshal.AsBytes(offsets.AsSpan(0, count + 1)).ToArray(),
            validity.AsMemory(0, (count + 7) / 8),
            count,
            nulls);
    }

    /// <summary>
    /// VARCHAR values held as the first chunk says (<c>--strings auto</c>): where at least half of its values repeat an
    /// earlier one, shared .NET strings (<see cref="Texts"/>); otherwise UTF-8 bytes (<see cref="Utf8Texts"/>). This is
    /// <see cref="ResultFrames.RarelyRepeats"/>' rule, which the value path applies to the same rows.
    /// </summary>
    private sealed class AutoTexts(string typeName) : Column(typeName)
    {
        private Column? chosen;

        public override void Append(nint vector, int take)
        {
            chosen ??= RarelyRepeats(vector, take) ? new Utf8Texts(TypeName) : new Texts(TypeName);
            chosen.Append(vector, take);
        }

        public override DataFrameColumn Build(string name) => (chosen ?? new Texts(TypeName)).Build(name);

        /// <summary>Whether fewer than half of a chunk's first <see cref="ResultFrames.TrialRows"/> values repeat an earlier one (by their bytes' hash).</summary>
        private static bool RarelyRepeats(nint vector, int take)
        {
            var slots = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
            var mask = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            var seen = new HashSet<int>();
            var values = 0;
            for (var i = 0; i < Math.Min(take, ResultFrames.TrialRows); i++)
            {
                if (Valid(mask, i))
                {
                    var slot = slots + (i * 16);
                    var length = (int)*(uint*)slot;
                    var hash = new HashCode();
                    hash.AddBytes(new ReadOnlySpan<byte>(length <= 12 ? slot + 4 : *(byte**)(slot + 8), length));
                    seen.Add(hash.ToHashCode());
                    values++;
                }
            }

            return ResultFrames.RarelyRepeats(values, seen.Count);
        }
    }
}
