using System.Globalization;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;
using static DevEndpoint.Profiles.Profiler;

namespace DevEndpoint.Profiles;

/// <summary>The queries of a profile over the DuckDB table that holds the rows profiled, each a single pass over it.</summary>
internal sealed class ProfileQueries(SqlSession session, string name, ProfileOptions options, CancellationToken cancellationToken)
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
    /// Every figure but the top values and the histograms, with the duplicate rows, the correlations and the histograms' bounds, in
    /// one aggregate over the table. Above <see cref="ProfileOptions.ExactDistinctRows"/> the distinct values and quantiles are
    /// estimated, the duplicate rows counted from one hash per row, and DuckDB's <c>approx_top_k</c> candidates for the most
    /// frequent values kept in the table <paramref name="summary"/> for <see cref="TopValuesAsync"/>.
    /// </summary>
    public async Task<Summary> SummaryAsync(List<ProfiledColumn> columns, long rows, string summary)
    {
        var exact = rows <= options.ExactDistinctRows;
        var (aggregates, quantiles, candidates) = ColumnAggregates(columns, exact);
        var numeric = columns.Where(c => c.Kind == ProfileKind.Numeric).Select(c => c.Name).ToList();
        var pairs = numeric.SelectMany((a, i) => numeric.Skip(i + 1).Select(b => (First: a, Second: b))).ToList();
        aggregates.AddRange(pairs.Select((p, k) => $"corr(CAST({SqlText.Quote(p.First)} AS DOUBLE), CAST({SqlText.Quote(p.Second)} AS DOUBLE)) AS r{k}"));
        if (!exact)
        {
            aggregates.Add($"count(DISTINCT hash({string.Join(", ", columns.Select(c => SqlText.Quote(c.Name)))})) AS distinct_rows");
        }

        var lists = columns.Select((c, i) => (c, i)).Where(p => p.c.Kind == ProfileKind.Numeric).Select(p => $"q{p.i}").Concat(candidates).ToList();
        var select = lists.Count == 0 ? "*" : $"* EXCLUDE ({string.Join(", ", lists)}){string.Concat(quantiles.Select(q => $", {q}"))}";
        var frame = await SummaryFrameAsync(aggregates, select, exact, summary);
        var bounds = columns.Select((c, i) => c.Kind is ProfileKind.Numeric or ProfileKind.Temporal && Double(frame[$"blo{i}"][0]) is { } lo && Double(frame[$"bhi{i}"][0]) is { } hi
            ? (lo, hi)
            : ((double, double)?)null).ToList();
        return new Summary(
            columns.Select((c, i) => Figures(frame, c, i, rows, exact)).ToList(),
            exact ? null : rows - Long(frame["distinct_rows"][0]),
            pairs.Select((p, k) => new Correlation(p.First, p.Second, Double(frame[$"r{k}"][0]))).ToList(),
            bounds,
            exact ? null : summary);
    }

    /// <summary>The aggregates of each column's figures, the quantile lists to unpack, and the top-value candidate lists.</summary>
    private (List<string> Aggregates, List<string> Quantiles, List<string> Candidates) ColumnAggregates(List<ProfiledColumn> columns, bool exact)
    {
        var aggregates = new List<string>();
        var quantiles = new List<string>();
        var candidates = new List<string>();
        var fractions = $"[{string.Join(", ", Fractions.Select(f => f.ToString("0.00", CultureInfo.InvariantCulture)))}]";
        for (var i = 0; i < columns.Count; i++)
        {
            var (x, kind) = (SqlText.Quote(columns[i].Name), columns[i].Kind);
            aggregates.Add($"count({x}) AS n{i}");
            aggregates.Add(exact ? $"count(DISTINCT {x}) AS d{i}" : $"approx_count_distinct({x}) AS d{i}");
            if (kind != ProfileKind.Other)
            {
                aggregates.Add($"min({x}) AS lo{i}, max({x}) AS hi{i}");
            }

            if (kind is ProfileKind.Numeric or ProfileKind.Temporal)
            {
                var value = Plotted(columns[i]);
                aggregates.Add($"min({value}) FILTER (WHERE isfinite({value})) AS blo{i}, max({value}) FILTER (WHERE isfinite({value})) AS bhi{i}");
            }

            if (kind == ProfileKind.Numeric)
            {
                var value = $"CAST({x} AS DOUBLE)";
                aggregates.Add($"CAST(avg({x}) AS DOUBLE) AS mean{i}, CAST(stddev_samp({x}) AS DOUBLE) AS sd{i}, CAST(sum({x}) AS DOUBLE) AS sum{i}");
                aggregates.Add(exact ? $"quantile_cont({value}, {fractions}) AS q{i}" : $"approx_quantile({value}, {fractions}) AS q{i}");
                quantiles.AddRange(Fractions.Select((_, k) => $"q{i}[{k + 1}] AS q{i}_{k}"));
            }
            else if (kind == ProfileKind.Text)
            {
                aggregates.Add($"min(length({x})) AS lmin{i}, CAST(avg(length({x})) AS DOUBLE) AS lmean{i}, max(length({x})) AS lmax{i}");
            }

            if (!exact && kind != ProfileKind.Other)
            {
                aggregates.Add($"approx_top_k({x}, {options.TopValues}) AS k{i}");
                candidates.Add($"k{i}");
            }
        }

        return (aggregates, quantiles, candidates);
    }

    /// <summary>
    /// The one row of the aggregates; above the exact limit it is kept in the table <paramref name="summary"/>, whose
    /// top-value candidates <see cref="TopValuesAsync"/> counts.
    /// </summary>
    private async Task<DataFrame> SummaryFrameAsync(List<string> aggregates, string select, bool exact, string summary)
    {
        if (exact)
        {
            return await QueryAsync($"SELECT {select} FROM (SELECT {string.Join(", ", aggregates)} FROM {table})");
        }

        await session.KeepAsync(SqlText.Quote(summary), $"SELECT {string.Join(", ", aggregates)} FROM {table}", NoFrames, cancellationToken);
        return await QueryAsync($"SELECT {select} FROM {SqlText.Quote(summary)}");
    }

    private static ColumnProfile Figures(DataFrame frame, ProfiledColumn column, int i, long rows, bool exact)
    {
        var count = Long(frame[$"n{i}"][0]);
        var numeric = column.Kind == ProfileKind.Numeric;
        var text = column.Kind == ProfileKind.Text;
        return new ColumnProfile(
            column.Name,
            column.Type,
            column.Kind,
            count,
            rows - count,
            Long(frame[$"d{i}"][0]),
            !exact,
            column.Kind == ProfileKind.Other ? null : frame[$"lo{i}"][0],
            column.Kind == ProfileKind.Other ? null : frame[$"hi{i}"][0],
            numeric ? Double(frame[$"mean{i}"][0]) : null,
            numeric ? Double(frame[$"sd{i}"][0]) : null,
            numeric ? Double(frame[$"sum{i}"][0]) : null,
            numeric && count > 0 ? Fractions.Select((f, k) => new Quantile(f, Double(frame[$"q{i}_{k}"][0]) ?? double.NaN)).Where(q => double.IsFinite(q.Value)).ToList() : [],
            text && count > 0 ? new LengthProfile(Long(frame[$"lmin{i}"][0]), Double(frame[$"lmean{i}"][0]) ?? 0, Long(frame[$"lmax{i}"][0])) : null,
            [],
            null);
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
