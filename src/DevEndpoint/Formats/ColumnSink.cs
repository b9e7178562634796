using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>
/// What a format's row reader writes the values of one column to: the contract between the readers (here, below
/// Frames) and the column builders of <c>Frames</c>, which derive from it and turn the values into a DataFrame column.
/// An abstract class rather than an interface, so that a reader's call per value stays one plain virtual call. The
/// loader makes the sinks (<c>Frames.ColumnBuilder</c>s) and hands them to the readers; a reader that needs more of
/// them for a range of a file asks the sinks it was given (<see cref="NewEmpty"/>, <see cref="Slice"/>).
/// </summary>
internal abstract class ColumnSink
{
    protected ColumnSink(Column column)
    {
        Column = column;
    }

    public Column Column { get; }

    public abstract long Count { get; }

    /// <summary>Adds a value read as text; returns <c>false</c> (and adds nothing) when the text is not a value of the column's type.</summary>
    public abstract bool TryAddText(string? text, bool quoted);

    /// <summary>Adds a value read as UTF-8 text; returns <c>false</c> (and adds nothing) when it is not a value of the column's type.</summary>
    public abstract bool TryAddUtf8(ReadOnlySpan<byte> utf8, bool quoted);

    /// <summary>Adds a value read as a .NET value (from Parquet or JSON).</summary>
    public abstract void AddValue(object? value);

    public abstract void AddNull();

    /// <summary>Adds the first <paramref name="count"/> values of a column read in bulk (from Parquet); <c>null</c> is a null.</summary>
    public virtual void AddValues<TSource>(TSource?[] values, int count)
        where TSource : struct
    {
        for (var i = 0; i < count; i++)
        {
            AddValue(values[i]);
        }
    }

    /// <summary>Adds the first <paramref name="count"/> values of a column with no nulls read in bulk.</summary>
    public virtual void AddValues<TSource>(TSource[] values, int count)
        where TSource : struct
    {
        for (var i = 0; i < count; i++)
        {
            AddValue(values[i]);
        }
    }

    /// <summary>
    /// Adds <paramref name="levels"/>.Length rows of a column read in bulk (from Parquet): a row whose level is 1 has the
    /// next of <paramref name="values"/>, one whose level is 0 is null.
    /// </summary>
    public virtual void AddValues<TSource>(TSource[] values, ReadOnlySpan<int> levels)
        where TSource : struct
    {
        var next = 0;
        foreach (var level in levels)
        {
            if (level == 0)
            {
                AddNull();
            }
            else
            {
                AddValue(values[next++]);
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="rows"/> rows whose values are the dictionary <paramref name="entries"/> that
    /// <paramref name="indices"/> name, in order: with <paramref name="levels"/> empty every row has a value, otherwise a
    /// row has one where its level is 1 and is null where it is 0.
    /// </summary>
    public virtual void AddIndexed(IUtf8Entries entries, ReadOnlySpan<int> indices, ReadOnlySpan<int> levels, int rows)
    {
        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            if (!levels.IsEmpty && levels[i] == 0)
            {
                AddNull();
            }
            else
            {
                TryAddUtf8(entries.Bytes(indices[next++]), quoted: true);
            }
        }
    }

    /// <summary>Adds one text value (a partition key's) <paramref name="count"/> times, converted once.</summary>
    public abstract void AddRepeated(string? text, long count);

    /// <summary>Drops the values added after the first <paramref name="count"/>: the cells of a row found bad part-way.</summary>
    public abstract void Truncate(long count);

    /// <summary>The value of a row read so far, as a predicate compares it: the column's .NET value (text as a string), or <c>null</c>.</summary>
    public abstract object? ValueAt(long row);

    /// <summary>
    /// Keeps only the rows numbered in <paramref name="rows"/> (ascending), moved up in place, in a time that grows with
    /// the rows kept: the rows a predicate or a sample keeps of a part already read. Not for a slice.
    /// </summary>
    public abstract void Keep(ReadOnlySpan<int> rows);

    /// <summary>Makes room for <paramref name="count"/> values in all, when a part knows about how many rows it holds.</summary>
    public abstract void Reserve(long count);

    /// <summary>
    /// Says that the values still to come hold at most <paramref name="bytes"/> bytes of UTF-8 text in all (a Parquet
    /// chunk of plain strings knows it from its footer): a UTF-8 string column then collects them straight into the
    /// column's array, of that size, instead of into a buffer it copies at the end. Other columns ignore it.
    /// </summary>
    public virtual void ReserveBytes(long bytes)
    {
    }

    /// <summary>
    /// A builder that fills rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="capacity"/>) of
    /// this one's storage, so that ranges of one file read at once write straight into the final column (not for UTF-8
    /// text, whose byte length is not known ahead: those ranges fill builders of their own, see <see cref="ReadPart.Split"/>).
    /// Reserve the rows of every slice first.
    /// </summary>
    public virtual ColumnSink Slice(long start, long capacity) =>
        throw new InvalidOperationException($"{GetType().Name} cannot share its storage; check CanSlice first.");

    /// <summary>Whether <see cref="Slice"/> works for this column.</summary>
    public virtual bool CanSlice => false;

    /// <summary>
    /// Makes this builder hold the rows of its <see cref="Slice"/>s (or, for a column that cannot slice, of the
    /// <see cref="NewEmpty"/> builders the ranges filled), in order, from row 0.
    /// </summary>
    public virtual void Gather(IReadOnlyList<(ColumnSink Slice, long Start)> slices) =>
        throw new InvalidOperationException($"{GetType().Name} has no slices to gather.");

    /// <summary>An empty builder for the same column, with the same settings.</summary>
    public abstract ColumnSink NewEmpty();

    /// <summary>
    /// Says no more values come: a builder may put its values in their final form now (UTF-8 text moves into the
    /// column's array), while the other columns of a load are still being read, instead of in <see cref="Build"/>.
    /// </summary>
    public virtual void Complete()
    {
    }
}

/// <summary>A slice was given more rows than it was sized for: the rows of a range were miscounted (e.g. line ends that are lone carriage returns).</summary>
internal sealed class SliceFullException(int limit) : Exception($"A slice sized for {limit} rows was given more.");
