using System.Runtime.CompilerServices;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

internal abstract partial class ColumnBuilder
{
    /// <summary>
    /// A column of a fixed-size type: values in a byte buffer laid out as the DataFrame column stores them, validity in an
    /// Arrow bitmap (bit set = value present), both handed to the column's buffer constructor without a copy.
    /// </summary>
    private sealed class Typed<T, TValues>(Column column) : ColumnBuilder(column)
        where T : unmanaged
        where TValues : IValueParser<T>
    {
        private static readonly int Size = Unsafe.SizeOf<T>();
        private byte[] values = [];
        private byte[] validity = [];
        private int count;
        private int nulls;

        /// <summary>For a slice: the row of the shared storage its row 0 is, and how many rows it may hold.</summary>
        private int origin;
        private int limit = -1;

        public override long Count => count;

        public override bool TryAddText(string? text, bool quoted)
        {
            if (text is null || TextValues.IsNull(text))
            {
                AddNull();
                return true;
            }

            if (!TValues.TryParseText(text, out var value))
            {
                return false;
            }

            Add(value);
            return true;
        }

        public override bool TryAddUtf8(ReadOnlySpan<byte> utf8, bool quoted)
        {
            if (IsNullToken(utf8))
            {
                AddNull();
                return true;
            }

            if (TValues.TryParseUtf8(utf8, out var value) || TValues.TryParseText(Decode(utf8), out value))
            {
                Add(value);
                return true;
            }

            return false;
        }

        public override void AddValue(object? value)
        {
            switch (value)
            {
                case null:
                    AddNull();
                    break;
                case T typed:
                    Add(typed);
                    break;
                case string text when !TryAddText(text, quoted: false):
                    AddNull();
                    break;
                case string:
                    break;
                default:
                    Add(TValues.Convert(value));
                    break;
            }
        }

        public override void AddValues<TSource>(TSource?[] values, int count)
        {
            if (typeof(TSource) != typeof(T))
            {
                base.AddValues(values, count);
                return;
            }

            Grow(count);
            var typed = (T?[])(object)values;
            for (var i = 0; i < count; i++)
            {
                if (typed[i] is { } value)
                {
                    Add(value);
                }
                else
                {
                    AddNull();
                }
            }
        }

        public override void AddValues<TSource>(TSource[] values, int count)
        {
            if (typeof(TSource) != typeof(T))
            {
                base.AddValues(values, count);
                return;
            }

            Grow(count);
            var typed = (T[])(object)values;
            for (var i = 0; i < count; i++)
            {
                Add(typed[i]);
            }
        }

        public override void AddNull()
        {
            Grow(1);
            Unsafe.WriteUnaligned(ref values[(origin + count) * Size], default(T));
            count++;
            nulls++;
        }

        public override void AddRepeated(string? text, long count)
        {
            T value = default;
            var present = text is not null && !TextValues.IsNull(text) && TValues.TryParseText(text, out value);
            Grow(count);
            for (var i = 0L; i < count; i++)
            {
                if (present)
                {
                    Add(value);
                }
                else
                {
                    AddNull();
                }
            }
        }

        public override void Truncate(long count)
        {
            for (var i = origin + (int)count; i < origin + this.count; i++)
            {
                if ((validity[i >> 3] & (1 << (i & 7))) == 0)
                {
                    nulls--;
                }
                else
                {
                    validity[i >> 3] &= (byte)~(1 << (i & 7));
                }
            }

            this.count = (int)Math.Min(count, this.count);
        }

        public override bool CanSlice => true;

        public override ColumnBuilder Slice(long start, long capacity)
        {
            return new Typed<T, TValues>(Column) { values = values, validity = validity, origin = (int)start, limit = (int)capacity };
        }

        public override void Gather(IReadOnlyList<(ColumnBuilder Slice, long Start)> slices)
        {
            count = 0;
            nulls = 0;
            foreach (var (builder, start) in slices)
            {
                var slice = (Typed<T, TValues>)builder;
                if (start != count)
                {
                    values.AsSpan((int)start * Size, slice.count * Size).CopyTo(values.AsSpan(count * Size));
                    MoveBits(validity, (int)start, count, slice.count);
                }

                count += slice.count;
                nulls += slice.nulls;
            }

            ClearBits(validity, count);
        }

        public override void Reserve(long count) => Grow(count - this.count);

        public override ColumnBuilder NewEmpty() => new Typed<T, TValues>(Column);

        public override DataFrameColumn Build() => MakeColumn(values, validity, count, nulls);

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnBuilder> parts)
        {
            var typed = parts.Cast<Typed<T, TValues>>().ToList();
            var total = Capacity(typed.Sum(p => (long)p.count));
            var allValues = GC.AllocateUninitializedArray<byte>(checked(total * Size));
            var allValidity = new byte[(total + 7) / 8];
            var allNulls = 0;
            var at = 0;
            foreach (var part in typed)
            {
                part.values.AsSpan(0, part.count * Size).CopyTo(allValues.AsSpan(at * Size));
                CopyBits(part.validity, part.count, allValidity, at);
                at += part.count;
                allNulls += part.nulls;
                part.values = [];
                part.validity = [];
                part.count = 0;
            }

            return MakeColumn(allValues, allValidity, total, allNulls);
        }

        private DataFrameColumn MakeColumn(byte[] buffer, byte[] bits, int length, int nullCount)
        {
            var data = new ReadOnlyMemory<byte>(buffer, 0, length * Size);
            var bitmap = new ReadOnlyMemory<byte>(bits, 0, (length + 7) / 8);
            var name = Column.Name;
            return default(T) switch
            {
                bool => new BooleanDataFrameColumn(name, data, bitmap, length, nullCount),
                sbyte => new SByteDataFrameColumn(name, data, bitmap, length, nullCount),
                short => new Int16DataFrameColumn(name, data, bitmap, length, nullCount),
                int => new Int32DataFrameColumn(name, data, bitmap, length, nullCount),
                long => new Int64DataFrameColumn(name, data, bitmap, length, nullCount),
                float => new SingleDataFrameColumn(name, data, bitmap, length, nullCount),
                double => new DoubleDataFrameColumn(name, data, bitmap, length, nullCount),
                decimal => new DecimalDataFrameColumn(name, data, bitmap, length, nullCount),
                DateTime => new DateTimeDataFrameColumn(name, data, bitmap, length, nullCount),
                _ => new PrimitiveDataFrameColumn<T>(name, data, bitmap, length, nullCount),
            };
        }

        private void Add(T value)
        {
            Grow(1);
            var at = origin + count;
            Unsafe.WriteUnaligned(ref values[at * Size], value);
            validity[at >> 3] |= (byte)(1 << (at & 7));
            count++;
        }

        private void Grow(long more)
        {
            var needed = count + more;
            if (limit >= 0)
            {
                ThrowIfFull(needed, limit);
                return;
            }

            if (needed * Size <= values.Length)
            {
                return;
            }

            var capacity = Capacity(Math.Max(needed, Math.Max(64, count + (count >> 1))));
            if ((long)capacity * Size > Array.MaxLength)
            {
                throw new DevEndpointException(
                    $"Column '{Column.Name}' cannot hold more than {Array.MaxLength / Size:N0} values in one part; load fewer rows with --where or --limit.");
            }

            Array.Resize(ref values, capacity * Size);
            Array.Resize(ref validity, (capacity + 7) / 8);
        }
    }

    /// <summary>Moves <paramref name="count"/> bits from bit <paramref name="from"/> down to bit <paramref name="to"/> (to &lt;= from).</summary>
    private static void MoveBits(byte[] bits, int from, int to, int count)
    {
        for (var i = 0; i < count; i++)
        {
            int source = from + i, target = to + i;
            if ((bits[source >> 3] & (1 << (source & 7))) != 0)
            {
                bits[target >> 3] |= (byte)(1 << (target & 7));
            }
            else
            {
                bits[target >> 3] &= (byte)~(1 << (target & 7));
            }
        }
    }

    /// <summary>Clears every bit from bit <paramref name="from"/> on: rows past the end of a gathered column.</summary>
    private static void ClearBits(byte[] bits, int from)
    {
        if ((from & 7) != 0 && from >> 3 < bits.Length)
        {
            bits[from >> 3] &= (byte)((1 << (from & 7)) - 1);
        }

        bits.AsSpan(Math.Min(bits.Length, (from + 7) >> 3)).Clear();
    }

    private static void ThrowIfFull(long needed, int limit)
    {
        if (needed > limit)
        {
            throw new SliceFullException(limit);
        }
    }

    /// <summary>Copies the first <paramref name="count"/> bits of <paramref name="source"/> to <paramref name="target"/> from bit <paramref name="at"/>.</summary>
    private static void CopyBits(byte[] source, int count, byte[] target, int at)
    {
        if ((at & 7) == 0)
        {
            var bytes = (count + 7) / 8;
            source.AsSpan(0, bytes).CopyTo(target.AsSpan(at >> 3));
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if ((source[i >> 3] & (1 << (i & 7))) != 0)
            {
                var bit = at + i;
                target[bit >> 3] |= (byte)(1 << (bit & 7));
            }
        }
    }
}
