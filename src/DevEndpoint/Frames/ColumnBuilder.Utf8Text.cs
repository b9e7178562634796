using System.Runtime.CompilerServices;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

internal abstract partial class ColumnBuilder
{
    /// <summary>
    /// A string column of UTF-8 bytes (<see cref="Utf8StringDataFrameColumn"/>): about half the memory of .NET strings
    /// for long text, no object per cell. It cannot share its storage with slices (a value's place in the bytes is not
    /// known ahead), so the ranges of a file read at once each fill their own builder and <see cref="Gather"/> copies
    /// them in, each released once copied.
    /// </summary>
    private sealed class Utf8Text(Column column) : ColumnBuilder(column)
    {
        private const int EstimateAfter = 256;

        /// <summary>The bytes while values are added, outside the managed heap (see <see cref="NativeBuffer"/>).</summary>
        private NativeBuffer? data;

        /// <summary>The bytes of parts gathered into this builder: the column's array from the start, so never copied again.</summary>
        private byte[]? gathered;
        private int length;
        private byte[] offsets = new byte[sizeof(int)];
        private byte[] validity = [];
        private int count;
        private int nulls;

        /// <summary>The rows this part expects in all (<see cref="Reserve"/>), from which the bytes are estimated once some are seen.</summary>
        private long expected;

        /// <summary>At most how many bytes the values added from the start will hold (<see cref="ReserveBytes"/>), or 0 when not known.</summary>
        private long bytesBound;

        public override long Count => count;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        public override void Reserve(long count)
        {
            expected = Math.Max(expected, count);
            GrowRows(count - this.count);
        }

        /// <summary>
        /// Collects the values to come straight into an array of the column of <paramref name="bytes"/> more bytes, when
        /// nothing is in a buffer yet: its pages never written (past the values' end) take no memory, and no copy is left
        /// to make at the end. Past that size (a wrong bound) the array grows as a gathered one does.
        /// </summary>
        public override void ReserveBytes(long bytes)
        {
            if (data is null && gathered is null && bytes > 0)
            {
                bytesBound = length + bytes;
            }
        }

        public override object? ValueAt(long row)
        {
            var i = (int)row;
            if ((validity[i >> 3] & (1 << (i & 7))) == 0)
            {
                return null;
            }

            var start = Unsafe.ReadUnaligned<int>(ref offsets[i * sizeof(int)]);
            var end = Unsafe.ReadUnaligned<int>(ref offsets[(i + 1) * sizeof(int)]);
            return Encoding.UTF8.GetString(Span[start..end]);
        }

        /// <summary>Moves the kept values' bytes, offsets and validity bits up in place (a kept row's place is never past it, so no row is written before it is read).</summary>
        public override void Keep(ReadOnlySpan<int> rows)
        {
            var at = 0;
            nulls = 0;
            for (var k = 0; k < rows.Length; k++)
            {
                var i = rows[k];
                var start = Unsafe.ReadUnaligned<int>(ref offsets[i * sizeof(int)]);
                var end = Unsafe.ReadUnaligned<int>(ref offsets[(i + 1) * sizeof(int)]);
                var present = (validity[i >> 3] & (1 << (i & 7))) != 0;
                if (at != start)
                {
                    Span[start..end].CopyTo(Span[at..]);
                }

                at += end - start;
                SetBit(validity, k, present);
                nulls += present ? 0 : 1;
                Unsafe.WriteUnaligned(ref offsets[(k + 1) * sizeof(int)], at);
            }

            ClearBits(validity, rows.Length, count);
            count = rows.Length;
            length = at;
        }

        public override ColumnBuilder NewEmpty() => new Utf8Text(Column);

        public override DataFrameColumn Build() => new Utf8StringDataFrameColumn(
            Column.Name,
            TakeBytes(),
            new ReadOnlyMemory<byte>(offsets, 0, (count + 1) * sizeof(int)),
            new ReadOnlyMemory<byte>(validity, 0, (count + 7) / 8),
            count,
            nulls);

        public override void Gather(IReadOnlyList<(ColumnSink Slice, long Start)> slices) =>
            AppendAll(slices.Select(s => s.Slice).ToList());

        public override void Complete() => TakeBytes();

        protected override DataFrameColumn ConcatParts(IReadOnlyList<ColumnSink> parts)
        {
            var all = new Utf8Text(Column);
            all.AppendAll(parts);
            return all.Build();
        }

        /// <summary>
        /// Makes this empty builder hold the values of <paramref name="parts"/> (UTF-8 or .NET-string text builders), in
        /// order, in one array of the exact size; each part is emptied (and its buffer freed) as it is copied.
        /// </summary>
        public void AppendAll(IReadOnlyList<ColumnSink> parts)
        {
            if (count > 0 || data is not null)
            {
                throw new InvalidOperationException("Parts are gathered into an empty builder.");
            }

            var bytes = parts.Sum(p => p is Utf8Text utf8 ? utf8.length : ((Text)p).Utf8ByteCount());
            if (bytes > int.MaxValue)
            {
                throw TooMuchText();
            }

            gathered = GC.AllocateUninitializedArray<byte>((int)bytes);
            GrowRows(parts.Sum(p => p.Count));
            if (parts.All(p => p is Utf8Text))
            {
                AppendAtOnce(parts.Cast<Utf8Text>().ToList());
                return;
            }

            foreach (var part in parts)
            {
                if (part is Utf8Text utf8)
                {
                    Append(utf8);
                }
                else
                {
                    ((Text)part).CopyTo(this);
                }
            }
        }

        /// <summary>
        /// Appends UTF-8 parts: their bytes and offsets copied at once (each to its place, found by adding up the parts
        /// before it), then their validity bits and counts in order.
        /// </summary>
        private void AppendAtOnce(List<Utf8Text> parts)
        {
            var rows = new int[parts.Count];
            var bytes = new int[parts.Count];
            for (var k = 1; k < parts.Count; k++)
            {
                rows[k] = rows[k - 1] + parts[k - 1].count;
                bytes[k] = bytes[k - 1] + parts[k - 1].length;
            }

            Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k => CopyText(parts[k], count + rows[k], length + bytes[k]));
            foreach (var part in parts)
            {
                TakeCounts(part);
            }
        }

        private void Append(Utf8Text part)
        {
            GrowRows(part.count);
            GrowData(part.length);
            CopyText(part, count, length);
            TakeCounts(part);
        }

        /// <summary>Copies a part's bytes and offsets to rows from <paramref name="row"/> and bytes from <paramref name="at"/> (room made), and frees its buffer.</summary>
        private void CopyText(Utf8Text part, int row, int at)
        {
            part.Span[..part.length].CopyTo(Span[at..]);
            for (var i = 1; i <= part.count; i++)
            {
                var end = at + Unsafe.ReadUnaligned<int>(ref part.offsets[i * sizeof(int)]);
                Unsafe.WriteUnaligned(ref offsets[(row + i) * sizeof(int)], end);
            }

            part.data?.Dispose();
            part.data = null;
            part.gathered = null;
        }

        /// <summary>Adds a copied part's validity bits and counts after this builder's, and empties it.</summary>
        private void TakeCounts(Utf8Text part)
        {
            CopyBits(part.validity, part.count, validity, count);
            count += part.count;
            length += part.length;
            nulls += part.nulls;
            part.offsets = new byte[sizeof(int)];
            part.validity = [];
            part.count = 0;
            part.length = 0;
        }

        private Span<byte> Span
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => gathered ?? (data is null ? default : data.Span);
        }

        /// <summary>The text's bytes for the column: the gathered array, or a copy of the bytes added (whose buffer is freed).</summary>
        private ReadOnlyMemory<byte> TakeBytes()
        {
            if (gathered is not null)
            {
                return gathered.AsMemory(0, length);
            }

            var bytes = GC.AllocateUninitializedArray<byte>(length);
            Span[..length].CopyTo(bytes);
            data?.Dispose();
            data = null;
            gathered = bytes;
            return bytes;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(ReadOnlySpan<byte> utf8)
        {
            GrowRows(1);
            GrowData(utf8.Length);
            utf8.CopyTo(Span[length..]);
            length += utf8.Length;
            validity[count >> 3] |= (byte)(1 << (count & 7));
            count++;
            Unsafe.WriteUnaligned(ref offsets[count * sizeof(int)], length);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void GrowData(int more)
        {
            var needed = (long)length + more;
            if (needed > int.MaxValue)
            {
                throw TooMuchText();
            }

            if (gathered is null && data is null && bytesBound >= needed && bytesBound <= Array.MaxLength)
            {
                gathered = GC.AllocateUninitializedArray<byte>((int)bytesBound);
            }

            if (gathered is not null)
            {
                if (needed > gathered.Length)
                {
                    Array.Resize(ref gathered, (int)Math.Min(Array.MaxLength, Math.Max(needed, DataCapacity())));
                }
            }
            else if (needed > (data?.Capacity ?? 0))
            {
                var capacity = (int)Math.Min(int.MaxValue, Math.Max(needed, DataCapacity()));
                if (data is null)
                {
                    data = new NativeBuffer(capacity);
                }
                else
                {
                    data.Resize(capacity);
                }
            }
        }

        private DevEndpointException TooMuchText() => new(
            $"Column '{Column.Name}' holds more than 2 GiB of text in one part, more than a UTF-8 string column can hold; load it with --strings dotnet, or fewer rows with --where or --limit.");

        /// <summary>
        /// The bytes to make room for: once <see cref="EstimateAfter"/> values are in, the bytes per value so far times the
        /// rows expected, and a tenth more (so a part read in a range grows once or twice, leaving little garbage behind);
        /// until then, or past the estimate, half as much again as it holds.
        /// </summary>
        private long DataCapacity()
        {
            var grown = Math.Max(1024, length + ((long)length >> 1));
            if (count < EstimateAfter || expected <= count)
            {
                return grown;
            }

            var estimate = (long)((double)length / count * expected * 1.1) + 1024;
            return Math.Max(estimate, length + ((long)length >> 3));
        }
    }
}
