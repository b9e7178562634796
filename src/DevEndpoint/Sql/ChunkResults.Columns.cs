using System.Numerics;
using System.Runtime.InteropServices;
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

        /// <summary>
        /// The column for a result column of <paramref name="type"/>, with room for <paramref name="capacity"/> rows (the
        /// result's), or null where the value path must read it.
        /// </summary>
        public static Column? For(Exports native, DuckDBLogicalType type, StringStorage strings, int capacity)
        {
            if (native.Alias(type) is not null)
            {
                return null;
            }

            var id = NativeMethods.LogicalType.DuckDBGetTypeId(type);
            var name = id.ToString().ToUpperInvariant();
            return id switch
            {
                DuckDBType.Boolean => new Numbers<bool, bool>(name, capacity, null),
                DuckDBType.TinyInt => new Numbers<sbyte, sbyte>(name, capacity, null),
                DuckDBType.SmallInt => new Numbers<short, short>(name, capacity, null),
                DuckDBType.Integer => new Numbers<int, int>(name, capacity, null),
                DuckDBType.BigInt => new Numbers<long, long>(name, capacity, null),
                DuckDBType.UnsignedTinyInt => new Numbers<byte, byte>(name, capacity, null),
                DuckDBType.UnsignedSmallInt => new Numbers<ushort, ushort>(name, capacity, null),
                DuckDBType.UnsignedInteger => new Numbers<uint, uint>(name, capacity, null),
                DuckDBType.UnsignedBigInt => new Numbers<ulong, ulong>(name, capacity, null),
                DuckDBType.Float => new Numbers<float, float>(name, capacity, null),
                DuckDBType.Double => new Numbers<double, double>(name, capacity, null),
                DuckDBType.Date => new Numbers<int, DateTime>(name, capacity, days => new DateTime(EpochTicks + (days * TimeSpan.TicksPerDay))),
                DuckDBType.Timestamp => new Numbers<long, DateTime>(name, capacity, micros => new DateTime(EpochTicks + (micros * TimeSpan.TicksPerMicrosecond))),
                DuckDBType.HugeInt => new Numbers<Int128, decimal>(name, capacity, huge => (decimal)(BigInteger)huge),
                DuckDBType.Decimal => Decimals(type, name, capacity),
                DuckDBType.Varchar => strings switch
                {
                    StringStorage.Utf8 => new Utf8Texts(name, capacity),
                    StringStorage.Auto => new AutoTexts(name, capacity),
                    _ => new Texts(name, capacity),
                },
                _ => null,
            };
        }

        /// <summary>Appends the first <paramref name="count"/> rows of a chunk's vector.</summary>
        public abstract void Append(nint vector, int count);

        public abstract DataFrameColumn Build(string name);

        /// <summary>Whether row <paramref name="row"/> of a vector is valid (a null validity mask: every row is).</summary>
        protected static bool Valid(ulong* mask, int row) => mask is null || ((mask[row >> 6] >> (row & 63)) & 1) != 0;

        /// <summary>The UTF-8 bytes of row <paramref name="row"/>'s 16-byte string slot: its length, then the text inline (up to 12 bytes) or a pointer to it.</summary>
        protected static ReadOnlySpan<byte> Text(byte* slots, int row)
        {
            var slot = slots + (row * 16);
            var length = (int)*(uint*)slot;
            return new ReadOnlySpan<byte>(length <= 12 ? slot + 4 : *(byte**)(slot + 8), length);
        }

        /// <summary>
        /// The validity of a vector's first <paramref name="take"/> rows into <paramref name="validity"/> (an Arrow bitmap,
        /// zeroed) from row <paramref name="at"/> on, and how many of them are null. DuckDB's mask is laid out as Arrow's (bit
        /// <c>i % 64</c> of word <c>i / 64</c>, little-endian): where <paramref name="at"/> falls on a byte, as it does for
        /// every full chunk, the mask's bytes are copied as they are.
        /// </summary>
        protected static int CopyValidity(ulong* mask, int take, byte[] validity, int at)
        {
            var target = validity.AsSpan(at >> 3, (take + 7) >> 3);
            if ((at & 7) != 0)
            {
                var nulls = 0;
                for (var i = 0; i < take; i++)
                {
                    var row = at + i;
                    if (Valid(mask, i))
                    {
                        validity[row >> 3] |= (byte)(1 << (row & 7));
                    }
                    else
                    {
                        nulls++;
                    }
                }

                return nulls;
            }

            if (mask is null)
            {
                target.Fill(0xFF);
            }
            else
            {
                new ReadOnlySpan<byte>(mask, target.Length).CopyTo(target);
            }

            if ((take & 7) != 0)
            {
                target[^1] &= (byte)((1 << (take & 7)) - 1);
            }

            return mask is null ? 0 : take - Ones(target);
        }

        /// <summary>How many bits of <paramref name="bytes"/> are set.</summary>
        private static int Ones(ReadOnlySpan<byte> bytes)
        {
            var ones = 0;
            foreach (var word in MemoryMarshal.Cast<byte, ulong>(bytes))
            {
                ones += BitOperations.PopCount(word);
            }

            for (var i = bytes.Length & ~7; i < bytes.Length; i++)
            {
                ones += BitOperations.PopCount(bytes[i]);
            }

            return ones;
        }

        /// <summary>
        /// DuckDB's decimals by their storage: up to 18 digits as the value path reads them, with their scale (<c>1.20</c>);
        /// 128-bit ones (wider than 18 digits, such as sums) as the whole part plus the fraction, which .NET normalizes (<c>1.2</c>)
        /// and rounds to the 28 digits a decimal holds, as the value path does. A scale beyond 28 goes the value path.
        /// </summary>
        private static Column? Decimals(DuckDBLogicalType type, string name, int capacity)
        {
            var scale = NativeMethods.LogicalType.DuckDBDecimalScale(type);
            return NativeMethods.LogicalType.DuckDBDecimalInternalType(type) switch
            {
                DuckDBType.SmallInt => new Numbers<short, decimal>(name, capacity, value => Decimal(value, scale)),
                DuckDBType.Integer => new Numbers<int, decimal>(name, capacity, value => Decimal(value, scale)),
                DuckDBType.BigInt => new Numbers<long, decimal>(name, capacity, value => Decimal(value, scale)),
                _ when scale <= MaxScale => new Numbers<Int128, decimal>(name, capacity, value => Decimal(value, scale)),
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
    /// validity bitmap that become the column's buffers, both sized for the whole result: a block copy where the types are the
    /// same, else converted 64 rows (a word of the validity mask) at a time; a null row holds the default value.
    /// </summary>
    private sealed class Numbers<TSource, T>(string typeName, int capacity, Func<TSource, T>? convert) : Column(typeName)
        where TSource : unmanaged
        where T : unmanaged
    {
        private byte[] data = GC.AllocateUninitializedArray<byte>(Math.Max(capacity, 1) * sizeof(T));
        private byte[] validity = new byte[(Math.Max(capacity, 1) + 7) / 8];
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

            for (var start = 0; start < take; start += 64)
            {
                var end = Math.Min(take, start + 64);
                if (mask is null || mask[start >> 6] == ulong.MaxValue)
                {
                    if (convert is not null)
                    {
                        for (var i = start; i < end; i++)
                        {
                            target[i] = convert(source[i]);
                        }
                    }

                    continue;
                }

                for (var i = start; i < end; i++)
                {
                    if (!Valid(mask, i))
                    {
                        target[i] = default;
                    }
                    else if (convert is not null)
                    {
                        target[i] = convert(source[i]);
                    }
                }
            }

            nulls += CopyValidity(mask, take, validity, count);
            count += take;
        }

        public override DataFrameColumn Build(string name) =>
            ResultFrames.Primitive<T>(name, data.AsMemory(0, count * sizeof(T)), validity.AsMemory(0, (count + 7) / 8), count, nulls);

        private void Grow(int take)
        {
            var rows = data.Length / sizeof(T);
            if (count + take <= rows)
            {
                return;
            }

            while (rows < count + take)
            {
                rows *= 2;
            }

            Array.Resize(ref data, rows * sizeof(T));
            Array.Resize(ref validity, (rows + 7) / 8);
        }
    }
}
