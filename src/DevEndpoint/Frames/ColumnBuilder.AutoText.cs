using System.Runtime.CompilerServices;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

internal abstract partial class ColumnBuilder
{
    /// <summary>
    /// A string column that picks its storage from its values (<c>--strings auto</c>). It starts with shared .NET strings
    /// (<see cref="Text"/>); after <see cref="Trial"/> values, if fewer than half of them were repeats, it moves to UTF-8
    /// bytes (<see cref="Utf8Text"/>) for the rest. Repeated values (categories, codes) cost one reference per row as
    /// shared strings, less than their bytes; values that rarely repeat (free text, ids kept as text) cost a string object
    /// each, two to three times their UTF-8 bytes. Each part of a load decides alone; a column any part of which moved to
    /// UTF-8 is built as UTF-8.
    /// </summary>
    private sealed class AutoText(Column column) : ColumnBuilder(column)
    {
        /// <summary>How many values a part sees before it decides.</summary>
        public const int Trial = 4096;

        private Text? strings = new(column);
        private Utf8Text? utf8;
        private HashSet<int>? seen = [];
        private int values;
        private long expected;
        private long bytesBound;

        private ColumnBuilder Active => (ColumnBuilder?)utf8 ?? strings!;

        /// <summary>Whether this part holds UTF-8 bytes (it moved, or was gathered from parts that did).</summary>
        public bool IsUtf8 => utf8 is not null;

        public override long Count => Active.Count;

        public override bool TryAddText(string? text, bool quoted)
        {
            Active.TryAddText(text, quoted);
            if (seen is not null && text is not null)
            {
                See(text.GetHashCode());
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override bool TryAddUtf8(ReadOnlySpan<byte> utf8, bool quoted)
        {
            Active.TryAddUtf8(utf8, quoted);
            if (seen is not null)
            {
                var hash = new HashCode();
                hash.AddBytes(utf8);
                See(hash.ToHashCode());
            }

            return true;
        }

        public override void AddValue(object? value) => TryAddText(Format(value), quoted: true);

        /// <summary>Value by value while the trial lasts (it counts repeats), then the rest at once by the storage chosen.</summary>
        public override void AddIndexed(IUtf8Entries entries, ReadOnlySpan<int> indices, ReadOnlySpan<int> levels, int rows)
        {
            var row = 0;
            var next = 0;
            for (; row < rows && seen is not null; row++)
            {
                if (!levels.IsEmpty && levels[row] == 0)
                {
                    AddNull();
                }
                else
                {
                    TryAddUtf8(entries.Bytes(indices[next++]), quoted: true);
                }
            }

            if (row < rows)
            {
                Active.AddIndexed(entries, indices[next..], levels.IsEmpty ? levels : levels[row..], rows - row);
            }
        }

        public override void AddNull() => Active.AddNull();

        public override void AddRepeated(string? text, long count) => Active.AddRepeated(text, count);

        public override void Truncate(long count) => Active.Truncate(count);

        public override object? ValueAt(long row) => Active.ValueAt(row);

        public override void Keep(ReadOnlySpan<int> rows) => Active.Keep(rows);

        public override void Reserve(long count)
        {
            expected = Math.Max(expected, count);
            Active.Reserve(count);
        }

        /// <summary>Kept for the UTF-8 builder this part may move to (the .NET strings of the trial have no use for it).</summary>
        public override void ReserveBytes(long bytes)
        {
            bytesBound = bytes;
            utf8?.ReserveBytes(bytes);
        }

        public override ColumnBuilder NewEmpty() => new AutoText(Column);

        public override DataFrameColumn Build() => Active.Build();

        public override void Complete() => Active.Complete();

        public override void Gather(IReadOnlyList<(ColumnSink Slice, long Start)> slices)
        {
            var parts = slices.Select(s => (AutoText)s.Slice).ToList();
            seen = null;
            if (parts.Any(p => p.IsUtf8))
            {
                strings = null;
                utf8 = new Utf8Text(Column);
                utf8.AppendAll(parts.Select(p => p.Active).ToList());
                return;
            }

            strings = new Text(Column);
            strings.Reserve(parts.Sum(p => p.Count));
            foreach (var part in parts)
            {
                strings.Append(part.strings!);
                part.strings = null;
            }
        }

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnSink> parts)
        {
            var all = (AutoText)NewEmpty();
            all.Gather(parts.Select(p => (Slice: p, Start: 0L)).ToList());
            return all.Build();
        }

        /// <summary>Counts a value by its hash; at the end of the trial, moves to UTF-8 when fewer than half were repeats.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void See(int hash)
        {
            seen!.Add(hash);
            if (++values < Trial)
            {
                return;
            }

            if (seen.Count > Trial / 2)
            {
                utf8 = new Utf8Text(Column);
                utf8.Reserve(expected);
                utf8.ReserveBytes(bytesBound);
                strings!.CopyTo(utf8);
                strings = null;
            }

            seen = null;
        }
    }
}
