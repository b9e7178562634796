using System.Runtime.CompilerServices;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override bool TryAddUtf8(ReadOnlySpan<byte> utf8, bool quoted)
        {
            Add(!quoted && IsNullToken(utf8) ? null : pool.Get(utf8));
            return true;
        }

        public override void AddValue(object? value) => Add(Format(value));

        public override void AddNull() => Add(null);

        public override void AddIndexed(IUtf8Entries entries, ReadOnlySpan<int> indices, ReadOnlySpan<int> levels, int rows)
        {
            Grow(rows);
            var next = 0;
            for (var i = 0; i < rows; i++)
            {
                values[origin + count++] = !levels.IsEmpty && levels[i] == 0 ? null : entries.Text(indices[next++]);
            }
        }

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

        public override object? ValueAt(long row) => values[origin + (int)row];

        public override void Keep(ReadOnlySpan<int> rows)
        {
            for (var k = 0; k < rows.Length; k++)
            {
                values[origin + k] = values[origin + rows[k]];
            }

            Array.Clear(values, origin + rows.Length, count - rows.Length);
            count = rows.Length;
        }

        public override bool CanSlice => true;

        public override ColumnBuilder Slice(long start, long capacity)
        {
            return new Text(Column) { values = values, origin = (int)start, limit = (int)capacity };
        }

        public override void Gather(IReadOnlyList<(ColumnSink Slice, long Start)> slices)
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

        /// <summary>The UTF-8 bytes of this builder's values.</summary>
        public long Utf8ByteCount()
        {
            var bytes = 0L;
            for (var i = 0; i < count; i++)
            {
                bytes += values[origin + i] is { } value ? Encoding.UTF8.GetByteCount(value) : 0;
            }

            return bytes;
        }

        /// <summary>Adds this builder's values, in order, to <paramref name="target"/>.</summary>
        public void CopyTo(ColumnBuilder target)
        {
            target.Reserve(target.Count + count);
            for (var i = 0; i < count; i++)
            {
                target.TryAddText(values[origin + i], quoted: true);
            }
        }

        /// <summary>Adds the values of <paramref name="part"/> (an unsliced builder) after this builder's, in one copy.</summary>
        public void Append(Text part)
        {
            Grow(part.count);
            Array.Copy(part.values, 0, values, origin + count, part.count);
            count += part.count;
        }

        public override DataFrameColumn Build() => StringColumns.Create(Column.Name, [new ArraySegment<string?>(values, 0, count)]);

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnSink> parts)
        {
            var texts = parts.Cast<Text>().ToList();
            var column = StringColumns.Create(Column.Name, texts.ConvertAll(t => new ArraySegment<string?>(t.values, 0, t.count)));
            foreach (var part in texts)
            {
                part.values = [];
                part.count = 0;
            }

            return column;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
