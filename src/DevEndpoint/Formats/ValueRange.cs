namespace DevEndpoint.Formats;

/// <summary>What a column's values in a block of rows (a Parquet row group) are known to lie in.</summary>
/// <param name="Min">The smallest value that is not null.</param>
/// <param name="Max">The largest value that is not null.</param>
/// <param name="MayHaveNulls">Whether some values may be null.</param>
/// <param name="AllNull">Whether every value is null (then <paramref name="Min"/> and <paramref name="Max"/> say nothing).</param>
internal sealed record ValueRange(object? Min, object? Max, bool MayHaveNulls, bool AllNull);
