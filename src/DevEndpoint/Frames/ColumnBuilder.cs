using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

/// <summary>
/// Collects the values of one output column, converting each to the column's catalog type. Values go into exact-type
/// buffers (not lists of boxed or nullable values) that become the DataFrame column without a copy; a load split into
/// parts (files, ranges of a big file) builds one builder per part and joins them with <see cref="Concat"/>.
/// </summary>
/// <remarks>
/// Methods a load runs per value or per record, here and in the readers, are marked
/// <c>[MethodImpl(MethodImplOptions.AggressiveOptimization)]</c>: compiled fully optimised for this CPU on their first
/// call, not precompiled (the published CLI is ReadyToRun) nor started in a first tier. Mark a new one the same way;
/// the measurements are in <c>src/DevEndpoint.Cli/DevEndpoint.Cli.csproj</c>.
/// </remarks>
internal abstract partial class ColumnBuilder
{
    protected ColumnBuilder(Column column)
    {
        Column = column;
    }

    public Column Column { get; }

    public static ColumnBuilder For(Column column, StringStorage strings = StringStorage.Auto) => column.Type.ToLowerInvariant() switch
    {
        "boolean" => new Typed<bool, BooleanValues>(column),
        "tinyint" => new Typed<sbyte, IntegerValues<sbyte>>(column),
        "smallint" => new Typed<short, IntegerValues<short>>(column),
        "int" => new Typed<int, IntegerValues<int>>(column),
        "bigint" => new Typed<long, IntegerValues<long>>(column),
        "float" => new Typed<float, FloatValues<float>>(column),
        "double" => new Typed<double, FloatValues<double>>(column),
        "date" => new Typed<DateTime, DateValues>(column),
        "timestamp" => new Typed<DateTime, TimestampValues>(column),
        var type when HiveTypes.ParseDecimal(type) is not null => new Typed<decimal, DecimalValues>(column),
        _ => strings switch
        {
            StringStorage.Utf8 => new Utf8Text(column),
            StringStorage.Dotnet => new Text(column),
            _ => new AutoText(column),
        },
    };

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
    /// A builder that fills rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="capacity"/>) of
    /// this one's storage, so that ranges of one file read at once write straight into the final column (not for UTF-8
    /// text, whose byte length is not known ahead: those ranges fill builders of their own, see <see cref="ReadPart.Split"/>).
    /// Reserve the rows of every slice first.
    /// </summary>
    public virtual ColumnBuilder Slice(long start, long capacity) =>
        throw new InvalidOperationException($"{GetType().Name} cannot share its storage; check CanSlice first.");

    /// <summary>Whether <see cref="Slice"/> works for this column.</summary>
    public virtual bool CanSlice => false;

    /// <summary>
    /// Makes this builder hold the rows of its <see cref="Slice"/>s (or, for a column that cannot slice, of the
    /// <see cref="NewEmpty"/> builders the ranges filled), in order, from row 0.
    /// </summary>
    public virtual void Gather(IReadOnlyList<(ColumnBuilder Slice, long Start)> slices) =>
        throw new InvalidOperationException($"{GetType().Name} has no slices to gather.");

    /// <summary>An empty builder for the same column, with the same settings.</summary>
    public abstract ColumnBuilder NewEmpty();

    public abstract DataFrameColumn Build();

    /// <summary>
    /// Says no more values come: a builder may put its values in their final form now (UTF-8 text moves into the
    /// column's array), while the other columns of a load are still being read, instead of in <see cref="Build"/>.
    /// </summary>
    public virtual void Complete()
    {
    }

    /// <summary>
    /// The column holding every part's values in order. The parts are emptied as they are copied, so a load never
    /// holds two full copies of a column.
    /// </summary>
    public static DataFrameColumn Concat(IReadOnlyList<ColumnBuilder> parts) =>
        parts.Count == 1 ? parts[0].Build() : parts[0].ConcatParts(parts);

    protected abstract DataFrameColumn ConcatParts(IReadOnlyList<ColumnBuilder> parts);

    /// <summary>The null tokens of <see cref="TextValues.NullTokens"/>, matched on UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected static bool IsNullToken(ReadOnlySpan<byte> utf8) => utf8.Length switch
    {
        0 => true,
        2 => utf8.SequenceEqual("NA"u8) || utf8.SequenceEqual("\\N"u8),
        3 => utf8.SequenceEqual("N/A"u8),
        4 => utf8.SequenceEqual("NULL"u8) || utf8.SequenceEqual("null"u8),
        _ => false,
    };

    protected static int Capacity(long count) => count <= Array.MaxLength
        ? (int)count
        : throw new DevEndpointException($"A column cannot hold more than {Array.MaxLength:N0} values in one part; load fewer rows with --where or --limit.");

    protected static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    protected static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>A slice was given more rows than it was sized for: the rows of a range were miscounted (e.g. line ends that are lone carriage returns).</summary>
internal sealed class SliceFullException(int limit) : Exception($"A slice sized for {limit} rows was given more.");
