using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void AddValues<TSource>(TSource[] values, int count)
        {
            if (typeof(TSource) != typeof(T))
            {
                base.AddValues(values, count);
                return;
            }

            // In bulk: the values' bytes copied at once, their validity bits set at once.
            Grow(count);
            MemoryMarshal.AsBytes(((T[])(object)values).AsSpan(0, count)).CopyTo(this.values.AsSpan((origin + this.count) * Size));
            SetBits(validity, this.count, this.count + count);
            this.count += count;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void AddValues<TSource>(TSource[] values, ReadOnlySpan<int> levels)
        {
            if (typeof(TSource) != typeof(T))
            {
                base.AddValues(values, levels);
                return;
            }

            Grow(levels.Length);
            var typed = (T[])(object)values;
            var next = 0;
            foreach (var level in levels)
            {
                if (level == 0)
                {
                    Unsafe.WriteUnaligned(ref this.values[(origin + count) * Size], default(T));
                    nulls++;
                }
                else
                {
                    Unsafe.WriteUnaligned(ref this.values[(origin + count) * Size], typed[next++]);
                    validity[count >> 3] |= (byte)(1 << (count & 7));
                }

                count++;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            for (var i = (int)count; i < this.count; i++)
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

        public override object? ValueAt(long row) =>
            (validity[row >> 3] & (1 << (int)(row & 7))) == 0 ? null : Unsafe.ReadUnaligned<T>(ref values[(origin + (int)row) * Size]);

        /// <summary>Each kept row moves to its place; no row is written before it is read, as a kept row's place is never past it.</summary>
        public override void Keep(ReadOnlySpan<int> rows)
        {
            nulls = 0;
            for (var k = 0; k < rows.Length; k++)
            {
                var i = rows[k];
                var present = (validity[i >> 3] & (1 << (i & 7))) != 0;
                if (k != i)
                {
                    Unsafe.WriteUnaligned(ref values[(origin + k) * Size], Unsafe.ReadUnaligned<T>(ref values[(origin + i) * Size]));
                }

                SetBit(validity, k, present);
                nulls += present ? 0 : 1;
            }

            ClearBits(validity, rows.Length, count);
            count = rows.Length;
        }

        public override bool CanSlice => true;

        public override ColumnBuilder Slice(long start, long capacity)
        {
            return new Typed<T, TValues>(Column) { values = values, validity = new byte[(capacity + 7) / 8], origin = (int)start, limit = (int)capacity };
        }

        public override void Gather(IReadOnlyList<(ColumnSink Slice, long Start)> slices)
        {
            count = 0;
            nulls = 0;
            validity.AsSpan().Clear();
            foreach (var (builder, start) in slices)
            {
                var slice = (Typed<T, TValues>)builder;
                if (start != count)
                {
                    values.AsSpan((int)start * Size, slice.count * Size).CopyTo(values.AsSpan(count * Size));
                }

                CopyBits(slice.validity, slice.count, validity, count);
                count += slice.count;
                nulls += slice.nulls;
            }
        }

        public override void Reserve(long count) => Grow(count - this.count);

        public override ColumnBuilder NewEmpty() => new Typed<T, TValues>(Column);

        public override DataFrameColumn Build() => MakeColumn(values, validity, count, nulls);

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnSink> parts)
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(T value)
        {
            Grow(1);
            Unsafe.WriteUnaligned(ref values[(origin + count) * Size], value);
            validity[count >> 3] |= (byte)(1 << (count & 7));
            count++;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

            // Uninitialised: every slot below the count is written (a null's too) before it is read.
            var grown = GC.AllocateUninitializedArray<byte>(capacity * Size);
            values.AsSpan(0, Math.Min(values.Length, (origin + count) * Size)).CopyTo(grown);
            values = grown;
            Array.Resize(ref validity, (capacity + 7) / 8);
        }
    }

    private static void SetBit(byte[] bits, int index, bool set)
    {
        if (set)
        {
            bits[index >> 3] |= (byte)(1 << (index & 7));
        }
        else
        {
            bits[index >> 3] &= (byte)~(1 << (index & 7));
        }
    }

    /// <summary>Sets bits [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static void SetBits(byte[] bits, int from, int to)
    {
        for (; from < to && (from & 7) != 0; from++)
        {
            bits[from >> 3] |= (byte)(1 << (from & 7));
        }

        var whole = (to - from) >> 3;
        bits.AsSpan(from >> 3, whole).Fill(0xFF);
        for (from += whole << 3; from < to; from++)
        {
            bits[from >> 3] |= (byte)(1 << (from & 7));
        }
    }

    /// <summary>Clears bits [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static void ClearBits(byte[] bits, int from, int to)
    {
        if (from >= to)
        {
            return;
        }

        if ((from & 7) != 0)
        {
            bits[from >> 3] &= (byte)((1 << (from & 7)) - 1);
        }

        var first = (from + 7) >> 3;
        var end = (to + 7) >> 3;
        if (end > first)
        {
            Array.Clear(bits, first, end - first);
        }
    }

    private static void ThrowIfFull(long needed, int limit)
    {
        if (needed > limit)
        {
            throw new SliceFullException(limit);
        }
    }

    /// <summary>
    /// Copies the first <paramref name="count"/> bits of <paramref name="source"/> to <paramref name="target"/> from bit
    /// <paramref name="at"/>, whose bits from there on are clear: a byte at a time, each split over the two target bytes it
    /// straddles. The bits past <paramref name="count"/> in the source's last byte are left out.
    /// </summary>
    private static void CopyBits(byte[] source, int count, byte[] target, int at)
    {
        var bytes = (count + 7) / 8;
        var shift = at & 7;
        var to = at >> 3;
        var last = (count & 7) == 0 ? 0xFF : (1 << (count & 7)) - 1;
        if (shift == 0)
        {
            source.AsSpan(0, bytes).CopyTo(target.AsSpan(to));
            if (bytes > 0)
            {
                target[to + bytes - 1] &= (byte)last;
            }

            return;
        }

        for (var i = 0; i < bytes; i++)
        {
            var bits = (i == bytes - 1 ? source[i] & last : source[i]) << shift;
            target[to + i] |= (byte)bits;
            if (bits > 0xFF)
            {
                target[to + i + 1] |= (byte)(bits >> 8);
            }
        }
    }
}
