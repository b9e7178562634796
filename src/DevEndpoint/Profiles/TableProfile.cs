namespace DevEndpoint.Profiles;

/// <summary>
/// The profile of a catalog table or a DataFrame (a DataBrew profile): its rows, duplicate rows, a profile per column and
/// the correlations of its numeric columns.
/// </summary>
/// <param name="Source">What was profiled: <c>&lt;database&gt;.&lt;table&gt;</c>, or the DataFrame's name.</param>
/// <param name="Rows">The rows profiled (those of the sample when <see cref="Sampled"/>).</param>
/// <param name="DuplicateRows">Rows equal in every profiled column to an earlier row: <see cref="Rows"/> minus the distinct rows.</param>
/// <param name="Sampled">Whether the figures are of a random sample of the rows (<see cref="ProfileOptions.Sample"/>).</param>
public sealed record TableProfile(
    string Source,
    long Rows,
    long DuplicateRows,
    bool Sampled,
    IReadOnlyList<ColumnProfile> Columns,
    IReadOnlyList<Correlation> Correlations)
{
    /// <summary>The profile of the column named <paramref name="name"/> (compared ignoring case), or null.</summary>
    public ColumnProfile? this[string name] => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The correlation of two numeric columns, in either order, or null when none was computed (or it is undefined).</summary>
    public double? CorrelationOf(string first, string second) =>
        Correlations.FirstOrDefault(c =>
            (string.Equals(c.First, first, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Second, second, StringComparison.OrdinalIgnoreCase))
            || (string.Equals(c.First, second, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Second, first, StringComparison.OrdinalIgnoreCase)))?.Value;
}

/// <summary>What a column holds, which decides the figures it gets (by name in JSON).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ProfileKind>))]
public enum ProfileKind
{
    /// <summary>Integers, floating-point numbers and decimals: every figure, a histogram, correlations.</summary>
    Numeric,

    /// <summary>Text: lengths, lexical minimum and maximum, top values.</summary>
    Text,

    /// <summary>Dates and timestamps: minimum, maximum, a histogram over time.</summary>
    Temporal,

    /// <summary>Booleans: top values.</summary>
    Boolean,

    /// <summary>Anything else (structs, lists, maps, times, intervals): counts and top values as text.</summary>
    Other,
}

/// <summary>
/// The figures of one column. Counts leave nulls out: <see cref="Count"/> are the non-null values, <see cref="Distinct"/>
/// the distinct non-null values, <see cref="TopValues"/> the most frequent non-null values. Figures a kind has not are null.
/// </summary>
/// <param name="Type">The catalog's type of the column (<c>bigint</c>, <c>string</c>...), or DuckDB's for a DataFrame's column.</param>
/// <param name="Distinct">Exact, or estimated by DuckDB's <c>approx_count_distinct</c> (HyperLogLog) when <see cref="DistinctIsApproximate"/>.</param>
/// <param name="Min">The smallest value, as the column's type: a number, text (ordinal order), a date or timestamp, a boolean.</param>
/// <param name="StandardDeviation">The sample standard deviation (divided by count - 1).</param>
/// <param name="Quantiles">The 5th, 25th, 50th, 75th and 95th percentiles, interpolated linearly between the two nearest values.</param>
/// <param name="Lengths">Lengths of text values, in characters (Unicode code points).</param>
/// <param name="Histogram">Counts of values in equal-width bins from the minimum to the maximum (dates and timestamps by their seconds since 1970).</param>
public sealed record ColumnProfile(
    string Name,
    string Type,
    ProfileKind Kind,
    long Count,
    long Nulls,
    long Distinct,
    bool DistinctIsApproximate,
    object? Min,
    object? Max,
    double? Mean,
    double? StandardDeviation,
    double? Sum,
    IReadOnlyList<Quantile> Quantiles,
    LengthProfile? Lengths,
    IReadOnlyList<ValueCount> TopValues,
    Histogram? Histogram)
{
    /// <summary>The share of rows with a value: <see cref="Count"/> / (<see cref="Count"/> + <see cref="Nulls"/>), 0 for no rows.</summary>
    public double Completeness => Count + Nulls == 0 ? 0 : (double)Count / (Count + Nulls);

    /// <summary>The value of the percentile <paramref name="percent"/> (5, 25, 50, 75 or 95), or null.</summary>
    public double? Percentile(double percent) => Quantiles.FirstOrDefault(q => q.Fraction * 100 == percent)?.Value;
}

/// <summary>A quantile: the value below which <paramref name="Fraction"/> of the values lie.</summary>
public sealed record Quantile(double Fraction, double Value);

/// <summary>The shortest, mean and longest text value, in characters.</summary>
public sealed record LengthProfile(long Min, double Mean, long Max);

/// <summary>A value (as text) and how many rows hold it.</summary>
public sealed record ValueCount(string Value, long Count);

/// <summary>
/// Equal-width bins from <paramref name="Start"/> to <paramref name="End"/>; bin i holds the values v with
/// floor((v - Start) / (End - Start) * bins) = i, the maximum in the last bin. A column of one value has one bin.
/// </summary>
public sealed record Histogram(double Start, double End, IReadOnlyList<long> Counts);

/// <summary>The Pearson correlation of two numeric columns over the rows where both have a value; null where undefined (a constant column).</summary>
public sealed record Correlation(string First, string Second, double? Value);
