using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

/// <summary>
/// A string column held as UTF-8 bytes (Arrow's layout: one byte buffer, value offsets, a validity bitmap) that also
/// sorts and groups, which <see cref="ArrowStringDataFrameColumn"/> does not. The loader gives text columns whose values
/// rarely repeat this form: no object per cell, about half the memory of .NET strings for Latin text.
/// <list type="bullet">
/// <item>Sorting orders by Unicode code point (ordinal, as DuckDB, Spark and Arrow do), nulls last;
/// <see cref="StringDataFrameColumn"/> sorts by the current culture.</item>
/// <item>Filtering, sorting and joining give columns of this type; grouping works with the column as the key.</item>
/// <item>The column is read-only, like every Arrow column: appending rows or setting cells needs
/// <see cref="ToStringColumn"/> first (or a load with <c>--strings dotnet</c>).</item>
/// </list>
/// </summary>
public sealed class Utf8StringDataFrameColumn : ArrowStringDataFrameColumn
{
    private readonly ReadOnlyMemory<byte> data;
    private readonly ReadOnlyMemory<byte> offsets;
    private readonly ReadOnlyMemory<byte> validity;

    /// <param name="name">The column's name.</param>
    /// <param name="data">The values' UTF-8 bytes, one after another.</param>
    /// <param name="offsets">Where each value starts in <paramref name="data"/>, and where the last ends: <paramref name="length"/> + 1 little-endian 32-bit integers.</param>
    /// <param name="validity">One bit per value, least significant first: 1 for a value, 0 for a null.</param>
    /// <param name="length">How many values.</param>
    /// <param name="nullCount">How many of them are null.</param>
    public Utf8StringDataFrameColumn(string name, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> validity, int length, int nullCount)
        : base(name, data, offsets, validity, length, nullCount)
    {
        this.data = data;
        if (offsets.Length < (length + 1) * sizeof(int) || validity.Length < (length + 7) / 8)
        {
            throw new ArgumentException($"{length} values need {length + 1} offsets ({(length + 1) * sizeof(int)} bytes) and {(length + 7) / 8} validity bytes; {offsets.Length} and {validity.Length} were given.");
        }

        this.offsets = offsets;
        this.validity = validity;
    }

    /// <summary>The same values as .NET strings, in a column that can be appended to and changed.</summary>
    public StringDataFrameColumn ToStringColumn()
    {
        var values = new string?[Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = IsValueAt(i) ? Encoding.UTF8.GetString(Bytes(i)) : null;
        }

        return new StringDataFrameColumn(Name, values);
    }

    /// <summary>Groups the rows by this column's values (nulls are left out, as for <see cref="StringDataFrameColumn"/>).</summary>
    public override GroupBy GroupBy(int columnIndex, DataFrame parent) =>
        new GroupBy<string>(parent, columnIndex, RowsByValue(out _));

    public override Dictionary<TKey, ICollection<long>> GroupColumnValues<TKey>(out HashSet<long> nullIndices)
    {
        if (typeof(TKey) != typeof(string))
        {
            throw new NotSupportedException($"Column '{Name}' holds strings; group it with string keys, not {typeof(TKey).Name}.");
        }

        return (Dictionary<TKey, ICollection<long>>)(object)RowsByValue(out nullIndices);
    }

    protected override PrimitiveDataFrameColumn<long> GetSortIndices(bool ascending, bool putNullValuesLast)
    {
        var rows = new List<int>((int)(Length - NullCount));
        var nulls = new List<int>((int)NullCount);
        for (var i = 0; i < Length; i++)
        {
            (IsValueAt(i) ? rows : nulls).Add(i);
        }

        var sign = ascending ? 1 : -1;
        var sorted = CollectionsMarshal.AsSpan(rows);
        sorted.Sort((a, b) =>
        {
            var order = Bytes(a).SequenceCompareTo(Bytes(b));
            return order != 0 ? sign * order : a.CompareTo(b);
        });
        var indices = putNullValuesLast ? rows.Concat(nulls) : nulls.Concat(rows);
        return new Int64DataFrameColumn("SortIndices", indices.Select(i => (long)i));
    }

    /// <summary>
    /// An empty clone is what <see cref="Microsoft.Data.Analysis.GroupBy"/> and others fill row by row, so it is a
    /// <see cref="StringDataFrameColumn"/>; any other clone (filtering, sorting, joining) is a column of this type with the
    /// rows <paramref name="mapIndices"/> names (indices, a null giving a null; or booleans, true for the rows kept), in reverse when <paramref name="invertMapIndices"/>.
    /// </summary>
    protected override DataFrameColumn CloneImplementation(DataFrameColumn mapIndices, bool invertMapIndices, long numberOfNullsToAppend)
    {
        if (mapIndices is null)
        {
            return CloneImplementation(numberOfNullsToAppend);
        }

        if (mapIndices.Length == 0 && !invertMapIndices)
        {
            return new StringDataFrameColumn(Name, numberOfNullsToAppend);
        }

        if (mapIndices is PrimitiveDataFrameColumn<bool> keep)
        {
            return Gather(Enumerable.Range(0, checked((int)keep.Length)).Where(i => keep[i] == true).Select(i => (long?)i), numberOfNullsToAppend);
        }

        Func<long, long?> row = mapIndices switch
        {
            PrimitiveDataFrameColumn<long> longs => i => longs[i],
            PrimitiveDataFrameColumn<int> ints => i => ints[i],
            _ => throw new ArgumentException($"Rows are chosen by a column of long or int indices or of booleans, not {mapIndices.GetType().Name}.", nameof(mapIndices)),
        };
        var count = mapIndices.Length;
        return Gather(Enumerable.Range(0, checked((int)count)).Select(i => row(invertMapIndices ? count - 1 - i : i)), numberOfNullsToAppend);
    }

    protected override DataFrameColumn CloneImplementation(long numberOfNullsToAppend) =>
        numberOfNullsToAppend == 0
            ? new Utf8StringDataFrameColumn(Name, data, offsets, validity, checked((int)Length), checked((int)NullCount))
            : Gather(Enumerable.Range(0, checked((int)Length)).Select(i => (long?)i), numberOfNullsToAppend);

    protected override DataFrameColumn DropNullsImplementation() =>
        Gather(Enumerable.Range(0, checked((int)Length)).Where(IsValueAt).Select(i => (long?)i), 0);

    protected override DataFrameColumn FillNullsImplementation(object value, bool inPlace) =>
        inPlace ? base.FillNullsImplementation(value, inPlace) : Wrap(base.FillNullsImplementation(value, inPlace));

    /// <summary>A column of the given rows of this one (a null row gives a null), then <paramref name="nullsAfter"/> nulls.</summary>
    private Utf8StringDataFrameColumn Gather(IEnumerable<long?> rows, long nullsAfter)
    {
        var chosen = rows.ToList();
        var length = checked(chosen.Count + (int)nullsAfter);
        var ends = MemoryMarshal.Cast<byte, int>(offsets.Span);
        var size = 0L;
        foreach (var r in chosen)
        {
            size += r is { } i && IsValueAt((int)i) ? ends[(int)i + 1] - ends[(int)i] : 0;
        }

        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)size));
        var newOffsets = new byte[(length + 1) * sizeof(int)];
        var newEnds = MemoryMarshal.Cast<byte, int>(newOffsets.AsSpan());
        var bits = new byte[(length + 7) / 8];
        var at = 0;
        var nulls = 0;
        for (var k = 0; k < length; k++)
        {
            if (k < chosen.Count && chosen[k] is { } i && IsValueAt((int)i))
            {
                var value = Bytes((int)i);
                value.CopyTo(bytes.AsSpan(at));
                at += value.Length;
                bits[k >> 3] |= (byte)(1 << (k & 7));
            }
            else
            {
                nulls++;
            }

            newEnds[k + 1] = at;
        }

        return new Utf8StringDataFrameColumn(Name, bytes, newOffsets, bits, length, nulls);
    }

    /// <summary>The same column as this type: its buffers taken as they are when it has one of each, else copied into one.</summary>
    private static DataFrameColumn Wrap(DataFrameColumn column)
    {
        if (column is not ArrowStringDataFrameColumn arrow || column is Utf8StringDataFrameColumn)
        {
            return column;
        }

        var data = arrow.GetReadOnlyDataBuffers().ToList();
        var offsets = arrow.GetReadOnlyOffsetsBuffers().ToList();
        var validity = arrow.GetReadOnlyNullBitMapBuffers().ToList();
        var length = checked((int)arrow.Length);
        if (data.Count == 1 && offsets.Count == 1 && validity.Count == 1)
        {
            return new Utf8StringDataFrameColumn(arrow.Name, data[0], MemoryMarshal.AsBytes(offsets[0].Span).ToArray(), validity[0], length, (int)arrow.NullCount);
        }

        var bytes = new List<byte>();
        var ends = new List<int> { 0 };
        var bits = new byte[(length + 7) / 8];
        for (var i = 0; i < length; i++)
        {
            if (arrow[i] is { } value)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value));
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }

            ends.Add(bytes.Count);
        }

        return new Utf8StringDataFrameColumn(arrow.Name, bytes.ToArray(), MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(ends)).ToArray(), bits, length, (int)arrow.NullCount);
    }

    private Dictionary<string, ICollection<long>> RowsByValue(out HashSet<long> nullIndices)
    {
        var groups = new Dictionary<string, ICollection<long>>(StringComparer.Ordinal);
        var lookup = groups.GetAlternateLookup<ReadOnlySpan<char>>();
        nullIndices = [];
        char[] chars = [];
        for (var i = 0; i < Length; i++)
        {
            if (!IsValueAt(i))
            {
                nullIndices.Add(i);
                continue;
            }

            var bytes = Bytes(i);
            if (chars.Length < bytes.Length)
            {
                chars = new char[Math.Max(bytes.Length, chars.Length * 2)];
            }

            var text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
            if (!lookup.TryGetValue(text, out var rows))
            {
                rows = new List<long>();
                groups[text.ToString()] = rows;
            }

            rows.Add(i);
        }

        return groups;
    }

    private bool IsValueAt(int row) => (validity.Span[row >> 3] & (1 << (row & 7))) != 0;

    private ReadOnlySpan<byte> Bytes(int row)
    {
        var ends = MemoryMarshal.Cast<byte, int>(offsets.Span);
        return data.Span[ends[row]..ends[row + 1]];
    }
}
