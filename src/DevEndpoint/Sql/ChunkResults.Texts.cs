using System.Runtime.InteropServices;
using DevEndpoint.Frames;
using DuckDB.NET.Native;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>The text columns a chunked result fills: .NET strings, UTF-8 bytes, or either as the first chunk says.</summary>
internal static unsafe partial class ChunkResults
{
    /// <summary>
    /// VARCHAR values decoded from DuckDB's 16-byte string slots: the length, then the text inline (up to 12 bytes) or a
    /// pointer to it. Short values that repeat (categories, codes) are shared through a <see cref="Utf8Pool"/>, one string
    /// per distinct value, as <c>#!load</c> shares them; a column whose values rarely repeat stops looking them up.
    /// </summary>
    private sealed class Texts(string typeName, int capacity) : Column(typeName)
    {
        private readonly Utf8Pool pool = new();
        private string?[] values = new string?[capacity];
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
                    values[count + i] = pool.Get(Text(slots, i));
                }
            }

            count += take;
        }

        public override DataFrameColumn Build(string name) => StringColumns.Create(name, [new ArraySegment<string?>(values, 0, count)]);
    }

    /// <summary>
    /// VARCHAR values as UTF-8 bytes copied from DuckDB's string slots into a <see cref="Utf8StringDataFrameColumn"/>'s
    /// buffers (<c>--strings utf8</c>), sized for the whole result: the text as the rows read so far predict it.
    /// </summary>
    private sealed class Utf8Texts(string typeName, int capacity) : Column(typeName)
    {
        private byte[] data = GC.AllocateUninitializedArray<byte>(2048 * 16);
        private byte[] offsets = new byte[(Math.Max(capacity, 1) + 1) * sizeof(int)];
        private byte[] validity = new byte[(Math.Max(capacity, 1) + 7) / 8];
        private int count;
        private int nulls;

        public override void Append(nint vector, int take)
        {
            if ((count + take + 1) * sizeof(int) > offsets.Length)
            {
                var rows = Math.Max(offsets.Length / sizeof(int) * 2, count + take + 1);
                Array.Resize(ref offsets, rows * sizeof(int));
                Array.Resize(ref validity, (rows + 7) / 8);
            }

            var slots = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
            var mask = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
            var ends = MemoryMarshal.Cast<byte, int>(offsets.AsSpan()).Slice(count + 1, take);
            var end = MemoryMarshal.Cast<byte, int>(offsets.AsSpan())[count];
            for (var i = 0; i < take; i++)
            {
                if (Valid(mask, i))
                {
                    var text = Text(slots, i);
                    if (end + text.Length > data.Length)
                    {
                        Grow(end, text.Length, count + i + 1);
                    }

                    text.CopyTo(data.AsSpan(end));
                    end += text.Length;
                }

                ends[i] = end;
            }

            nulls += CopyValidity(mask, take, validity, count);
            count += take;
        }

        /// <summary>
        /// Room for <paramref name="length"/> more bytes after the <paramref name="used"/> bytes of <paramref name="rows"/> rows:
        /// what the result's rows take at the average length so far, plus an eighth, at least double the room before, up to the
        /// most an array holds.
        /// </summary>
        private void Grow(int used, int length, int rows)
        {
            var needed = (long)used + length;
            if (needed > Array.MaxLength)
            {
                throw SqlErrors.TooMuchText();
            }

            var predicted = needed * Math.Max(capacity, rows) / rows * 9 / 8;
            var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(predicted, 2L * data.Length)));
            data.AsSpan(0, used).CopyTo(grown);
            data = grown;
        }

        public override DataFrameColumn Build(string name) => new Utf8StringDataFrameColumn(
            name,
            data.AsMemory(0, MemoryMarshal.Cast<byte, int>(offsets.AsSpan())[count]),
            offsets.AsMemory(0, (count + 1) * sizeof(int)),
            validity.AsMemory(0, (count + 7) / 8),
            count,
            nulls);
    }

    /// <summary>
    /// VARCHAR values held as the first chunk says (<c>--strings auto</c>): where at least half of its values repeat an
    /// earlier one, shared .NET strings (<see cref="Texts"/>); otherwise UTF-8 bytes (<see cref="Utf8Texts"/>). This is
    /// <see cref="ResultFrames.RarelyRepeats"/>' rule, which the value path applies to the same rows.
    /// </summary>
    private sealed class AutoTexts(string typeName, int capacity) : Column(typeName)
    {
        private Column? chosen;

        public override void Append(nint vector, int take)
        {
            chosen ??= RarelyRepeats(vector, take) ? new Utf8Texts(TypeName, capacity) : new Texts(TypeName, capacity);
            chosen.Append(vector, take);
        }

        public override DataFrameColumn Build(string name) => (chosen ?? new Texts(TypeName, 0)).Build(name);

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
                    var hash = new HashCode();
                    hash.AddBytes(Text(slots, i));
                    seen.Add(hash.ToHashCode());
                    values++;
                }
            }

            return ResultFrames.RarelyRepeats(values, seen.Count);
        }
    }
}
