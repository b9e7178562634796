using System.Globalization;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;
using static DevEndpoint.Profiles.Profiler;

namespace DevEndpoint.Profiles;

/// <summary>The queries of a profile over the DuckDB table that holds the rows profiled, each a single pass over it.</summary>
internal sealed partial class ProfileQueries(SqlSession session, string name, ProfileOptions options, CancellationToken cancellationToken)
{
    private static readonly Dictionary<string, DataFrame> NoFrames = [];

    private static readonly double[] Fractions = [0.05, 0.25, 0.5, 0.75, 0.95];

    private readonly string table = SqlText.Quote(name);

    public async Task<long> RowsAsync() => Long((await QueryAsync($"SELECT count(*) AS n FROM {table}"))["n"][0]);

    /// <summary>DuckDB's type of each column and the kind it makes it.</summary>
    public async Task<Dictionary<string, (string DuckType, ProfileKind Kind)>> KindsAsync()
    {
        var frame = await QueryAsync($"SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = {SqlText.Literal(name)}");
        var kinds = new Dictionary<string, (string, ProfileKind)>(StringComparer.Ordinal);
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            var type = (string)frame["data_type"][row]!;
            kinds[(string)frame["column_name"][row]!] = (type, Kind(type));
        }

        return kinds;
    }

    /// <summary>
    /// The most frequent non-null values of each column, the most frequent first and equal counts by value, each counted exactly;
    /// with a <paramref name="summary"/> table, those of a column other than <see cref="ProfileKind.Other"/> only among its
    /// <c>approx_top_k</c> candidates.
    /// </summary>
    public async Task<List<IReadOnlyList<ValueCount>>> TopValuesAsync(List<ProfiledColumn> columns, string? summary)
    {
        var parts = columns.Select((c, i) =>
        {
            var x = SqlText.Quote(c.Name);
            var among = summary is null || c.Kind == ProfileKind.Other ? string.Empty : $" AND {x} IN (SELECT unnest(k{i}) FROM {SqlText.Quote(summary)})";
            return $"SELECT * FROM (SELECT {i} AS col, CAST({x} AS VARCHAR) AS value, count(*) AS n, row_number() OVER (ORDER BY count(*) DESC, {x}) AS rank "
                + $"FROM {table} WHERE {x} IS NOT NULL{among} GROUP BY {x} QUALIFY rank <= {options.TopValues})";
        });
        var frame = await QueryAsync($"{string.Join("\nUNION ALL\n", parts)}\nORDER BY col, rank");
        var top = columns.Select(_ => new List<ValueCount>()).ToList();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            top[(int)Long(frame["col"][row])].Add(new ValueCount((string)frame["value"][row]!, Long(frame["n"][row])));
        }

        return [.. top];
    }

    /// <summary>A histogram of each numeric, date or timestamp column with finite values between its <paramref name="bounds"/>, else null.</summary>
    public async Task<List<Histogram?>> HistogramsAsync(List<ProfiledColumn> columns, List<(double Lo, double Hi)?> bounds)
    {
        var histograms = columns.Select(_ => (Histogram?)null).ToList();
        var bins = options.Bins;
        var parts = columns.Select((c, i) => (c, i))
            .Where(p => bounds[p.i] is not null)
            .Select(p =>
            {
                var value = Plotted(p.c);
                var (lo, hi) = (DoubleLiteral(bounds[p.i]!.Value.Lo), DoubleLiteral(bounds[p.i]!.Value.Hi));
                return $"SELECT {p.i} AS col, {lo} AS lo, {hi} AS hi, CASE WHEN {hi} = {lo} THEN 0 ELSE least(CAST(floor((v - {lo}) / ({hi} - {lo}) * {bins}) AS BIGINT), {bins - 1}) END AS bin, count(*) AS n "
                    + $"FROM (SELECT {value} AS v FROM {table} WHERE isfinite({value})) GROUP BY ALL";
            })
            .ToList();
        if (parts.Count == 0)
        {
            return histograms;
        }

        var frame = await QueryAsync(string.Join("\nUNION ALL\n", parts));
        var counts = new Dictionary<int, (double Lo, double Hi, long[] Counts)>();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            var column = (int)Long(frame["col"][row]);
            var (lo, hi) = (Double(frame["lo"][row])!.Value, Double(frame["hi"][row])!.Value);
            if (!counts.TryGetValue(column, out var histogram))
            {
                histogram = (lo, hi, new long[lo == hi ? 1 : bins]);
                counts[column] = histogram;
            }

            histogram.Counts[Long(frame["bin"][row])] = Long(frame["n"][row]);
        }

        foreach (var (column, (lo, hi, values)) in counts)
        {
            histograms[column] = new Histogram(lo, hi, values);
        }

        return histograms;
    }

    public async Task<long> DistinctRowsAsync() => Long((await QueryAsync($"SELECT count(*) AS n FROM (SELECT DISTINCT * FROM {table})"))["n"][0]);

    /// <summary>A column's values as the doubles its histogram counts: numbers as they are, dates and timestamps as seconds since 1970.</summary>
    private static string Plotted(ProfiledColumn column)
    {
        var x = SqlText.Quote(column.Name);
        return column.Kind == ProfileKind.Numeric ? $"CAST({x} AS DOUBLE)" : $"CAST(epoch({x}) AS DOUBLE)";
    }

    /// <summary>A double as DuckDB reads it back bit for bit.</summary>
    private static string DoubleLiteral(double value) => $"CAST('{value.ToString("R", CultureInfo.InvariantCulture)}' AS DOUBLE)";

    private Task<DataFrame> QueryAsync(string sql) => session.QueryAsync(sql, cancellationToken: cancellationToken);

    private static ProfileKind Kind(string duckType)
    {
        var type = duckType.ToUpperInvariant();
        return type switch
        {
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
                or "FLOAT" or "DOUBLE" => ProfileKind.Numeric,
            _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => ProfileKind.Numeric,
            "VARCHAR" => ProfileKind.Text,
            "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => ProfileKind.Temporal,
            "BOOLEAN" => ProfileKind.Boolean,
            _ => ProfileKind.Other,
        };
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>A figure as a double, null for a null, an infinity or NaN.</summary>
    private static double? Double(object? value) =>
        value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && double.IsFinite(d) ? d : null;
}

/// <summary>
/// What the aggregate pass of a profile finds: each column's figures, the duplicate rows when estimated from row hashes (else
/// null: counted exactly by <see cref="ProfileQueries.DistinctRowsAsync"/>), the correlations, each column's histogram bounds,
/// and the table of top-value candidates when there is one.
/// </summary>
internal sealed record Summary(
    List<ColumnProfile> Figures, long? Duplicates, List<Correlation> Correlations, List<(double Lo, double Hi)?> Bounds, string? Candidates);
