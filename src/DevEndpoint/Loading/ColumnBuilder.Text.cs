using System.Runtime.CompilerServices;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

internal abstract partial class ColumnBuilder
{
    /// <summary>
    /// A string column of .NET strings (<see cref="StringDataFrameColumn"/>, on which every DataFrame operation works).
    /// Short values repeat in most data (codes, categories, countries), so they are shared through a
    /// <see cref="Utf8Pool"/>: one string per distinct value instead of one per cell.
    /// </summary>
    private sealed class Text(Column column) : ColumnBuilder(column)
    {
        private readonly Utf8Pool pool = new();
        private string?[] values = [];
        private int count;

        /// <summary>For a slice: the row of the shared storage its row 0 is, and how many rows it may hold.</summary>
        private int origin;
        private int limit = -1;

        public override long Count => count;

        public override bool TryAddText(string? text, bool quoted)
        {
            Add(text is null || (!quoted && TextValues.IsNull(text)) ? null : text);
            return true;
        }

        public override bool TryAddUtf8(ReadOnlySpan<byte> utf8, bool quoted)
        {
            Add(!quoted && IsNullToken(utf8) ? null : pool.Get(utf8));
            return true;
        }

        public override void AddValue(object? value) => Add(Format(value));

        public override void AddNull() => Add(null);

        public override void AddRepeated(string? text, long count)
        {
            Grow(count);
            for (var i = 0L; i < count; i++)
            {
                Add(text);
            }
        }

        public override void Truncate(long count)
        {
            Array.Clear(values, origin + (int)Math.Min(count, this.count), (int)Math.Max(0, this.count - count));
            this.count = (int)Math.Min(count, this.count);
        }

        public override void Reserve(long count) => Grow(count - this.count);

        public override bool CanSlice => true;

        public override ColumnBuilder Slice(long start, long capacity)
        {
            return new Text(Column) { values = values, origin = (int)start, limit = (int)capacity };
        }

        public override void Gather(IReadOnlyList<(ColumnBuilder Slice, long Start)> slices)
        {
            count = 0;
            foreach (var (builder, start) in slices)
            {
                var slice = (Text)builder;
                Array.Copy(values, start, values, count, slice.count);
                count += slice.count;
            }

            Array.Clear(values, count, values.Length - count);
        }

        public override ColumnBuilder NewEmpty() => new Text(Column);

        public override DataFrameColumn Build() => new StringDataFrameColumn(Column.Name, new ArraySegment<string?>(values, 0, count));

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnBuilder> parts)
        {
            var texts = parts.Cast<Text>().ToList();
            IEnumerable<string?> All()
            {
                foreach (var part in texts)
                {
                    for (var i = 0; i < part.count; i++)
                    {
                        yield return part.values[i];
                    }

                    part.values = [];
                    part.count = 0;
                }
            }

            return new StringDataFrameColumn(Column.Name, All());
        }

        private void Add(string? value)
        {
            Grow(1);
            values[origin + count++] = value;
        }

        private void Grow(long more)
        {
            var needed = count + more;
            if (limit >= 0)
            {
                ThrowIfFull(needed, limit);
            }
            else if (needed > values.Length)
            {
                Array.Resize(ref values, Capacity(Math.Max(needed, Math.Max(64, count + (count >> 1)))));
            }
        }
    }

    /// <summary>
    /// A string column of UTF-8 bytes (<see cref="ArrowStringDataFrameColumn"/>): about half the memory of .NET strings
    /// for long text, no object per cell; Microsoft.Data.Analysis cannot sort or group by it.
    /// </summary>
    private sealed class Utf8Text(Column column) : ColumnBuilder(column)
    {
        private byte[] data = [];
        private int length;
        private byte[] offsets = new byte[sizeof(int)];
        private byte[] validity = [];
        private int count;
        private int nulls;

        public override long Count => count;

        public override bool TryAddText(string? text, bool quoted)
        {
            if (text is null || (!quoted && TextValues.IsNull(text)))
            {
                AddNull();
            }
            else
            {
                Add(Encoding.UTF8.GetBytes(text));
            }

            return true;
        }

        public override bool TryAddUtf8(ReadOnlySpan<byte> utf8, bool quoted)
        {
            if (!quoted && IsNullToken(utf8))
            {
                AddNull();
            }
            else
            {
                Add(utf8);
            }

            return true;
        }

        public override void AddValue(object? value) => TryAddText(Format(value), quoted: true);

        public override void AddNull()
        {
            GrowRows(1);
            nulls++;
            count++;
            Unsafe.WriteUnaligned(ref offsets[count * sizeof(int)], length);
        }

        public override void AddRepeated(string? text, long count)
        {
            for (var i = 0L; i < count; i++)
            {
                TryAddText(text, quoted: true);
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
            length = Unsafe.ReadUnaligned<int>(ref offsets[this.count * sizeof(int)]);
        }

        public override void Reserve(long count) => GrowRows(count - this.count);

        public override ColumnBuilder NewEmpty() => new Utf8Text(Column);

        public override DataFrameColumn Build() => new ArrowStringDataFrameColumn(
            Column.Name,
            new ReadOnlyMemory<byte>(data, 0, length),
            new ReadOnlyMemory<byte>(offsets, 0, (count + 1) * sizeof(int)),
            new ReadOnlyMemory<byte>(validity, 0, (count + 7) / 8),
            count,
            nulls);

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnBuilder> parts)
        {
            var all = new Utf8Text(Column);
            var texts = parts.Cast<Utf8Text>().ToList();
            all.GrowRows(texts.Sum(p => (long)p.count));
            all.GrowData((int)Math.Min(int.MaxValue, texts.Sum(p => (long)p.length)));
            foreach (var part in texts)
            {
                part.data.AsSpan(0, part.length).CopyTo(all.data.AsSpan(all.length));
                for (var i = 1; i <= part.count; i++)
                {
                    var end = all.length + Unsafe.ReadUnaligned<int>(ref part.offsets[i * sizeof(int)]);
                    Unsafe.WriteUnaligned(ref all.offsets[(all.count + i) * sizeof(int)], end);
                }

                CopyBits(part.validity, part.count, all.validity, all.count);
                all.count += part.count;
                all.length += part.length;
                all.nulls += part.nulls;
                part.data = [];
                part.offsets = new byte[sizeof(int)];
                part.validity = [];
                part.count = 0;
                part.length = 0;
            }

            return all.Build();
        }

        private void Add(ReadOnlySpan<byte> utf8)
        {
            GrowRows(1);
            GrowData(utf8.Length);
            utf8.CopyTo(data.AsSpan(length));
            length += utf8.Length;
            validity[count >> 3] |= (byte)(1 << (count & 7));
            count++;
            Unsafe.WriteUnaligned(ref offsets[count * sizeof(int)], length);
        }

        private void GrowRows(long more)
        {
            var needed = count + more;
            if ((needed + 1) * sizeof(int) > offsets.Length)
            {
                var capacity = Capacity(Math.Max(needed, Math.Max(64, count + (count >> 1))));
                Array.Resize(ref offsets, checked((capacity + 1) * sizeof(int)));
                Array.Resize(ref validity, (capacity + 7) / 8);
            }
        }

        private void GrowData(int more)
        {
            var needed = (long)length + more;
            if (needed > int.MaxValue)
            {
                throw new DevEndpointException(
                    $"Column '{Column.Name}' holds more than 2 GiB of text in one part, more than --strings utf8 can hold; load it with --strings dotnet, or fewer rows with --where or --limit.");
            }

            if (needed > data.Length)
            {
                Array.Resize(ref data, (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Max(1024, length + ((long)length >> 1)))));
            }
        }
    }
}
