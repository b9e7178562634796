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
internal abstract partial class ColumnBuilder : ColumnSink
{
    protected ColumnBuilder(Column column)
        : base(column)
    {
    }

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

    public abstract DataFrameColumn Build();

    /// <summary>
    /// The column holding every part's values in order. The parts are emptied as they are copied, so a load never
    /// holds two full copies of a column.
    /// </summary>
    public static DataFrameColumn Concat(IReadOnlyList<ColumnSink> parts) =>
        parts.Count == 1 ? ((ColumnBuilder)parts[0]).Build() : ((ColumnBuilder)parts[0]).ConcatParts(parts);

    protected abstract DataFrameColumn ConcatParts(IReadOnlyList<ColumnSink> parts);

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
