namespace DevEndpoint.Frames;

/// <summary>
/// One column of a <see cref="FrameSummary"/>: its name, its catalog type and its null count; for a numeric column
/// the <see cref="Sum"/> of its values, for a string column the UTF-8 bytes of its values (<see cref="Utf8Bytes"/>).
/// Other columns (boolean, date, timestamp) have neither.
/// </summary>
public sealed record ColumnSummary(string Name, string Type, long Nulls, NumericSum? Sum, long? Utf8Bytes);

/// <summary>
/// The sum of a numeric column's non-null values, as SQL's <c>SUM</c> computes it: <see cref="Exact"/> for integer and
/// decimal columns, <see cref="Approximate"/> (a double) for float and double columns, and for a decimal column whose
/// sum is beyond what a .NET decimal holds (about 7.9e28); both <c>null</c> when the column holds no value.
/// </summary>
public sealed record NumericSum(decimal? Exact, double? Approximate);
