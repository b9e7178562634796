using System.Globalization;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;
using static DevEndpoint.Profiles.Profiler;

namespace DevEndpoint.Profiles;

/// <summary>The aggregate pass of a profile: every figure but the top values and the histograms, exact or, above the exact limit, partly from a sample.</summary>
internal sealed partial class ProfileQueries
{
    /// <summary>
    /// Every figure but the top values and the histograms, with the duplicate rows, the correlations and the histograms' bounds.
    /// Up to <see cref="ProfileOptions.ExactDistinctRows"/> rows all come exact from one aggregate over the table. Above it that
    /// aggregate estimates the distinct values (HyperLogLog) and counts the duplicate rows from one hash per row, and a second one
    /// over a Bernoulli sample of about <see cref="ProfileOptions.ExactDistinctRows"/> rows gives the quantiles, the correlations
    /// and, kept in the table <paramref name="summary"/> for <see cref="TopValuesAsync"/>, candidates for the most frequent values.
    /// </summary>
    public async Task<Summary> SummaryAsync(List<ProfiledColumn> columns, long rows, string summary)
    {
        var exact = rows <= options.ExactDistinctRows;
        var numeric = columns.Where(c => c.Kind == ProfileKind.Numeric).Select(c => c.Name).ToList();
        var pairs = numeric.SelectMany((a, i) => numeric.Skip(i + 1).Select(b => (First: a, Second: b))).ToList();
        var aggregates = ColumnAggregates(columns, exact);
        var sampled = SampledAggregates(columns, pairs, candidates: !exact);
        if (exact)
        {
            aggregates.AddRange(sampled.Aggregates);
        }
        else
        {
            aggregates.Add($"count(DISTINCT hash({string.Join(", ", columns.Select(c => SqlText.Quote(c.Name)))})) AS distinct_rows");
        }

        var figures = Row(await QueryAsync($"SELECT {(exact ? Unpacked(sampled.Lists, sampled.Quantiles) : "*")} FROM (SELECT {string.Join(", ", aggregates)} FROM {table})"));
        if (!exact)
        {
            var percent = (100.0 * options.ExactDistinctRows / rows).ToString("0.##########", CultureInfo.InvariantCulture);
            await session.KeepAsync(
                SqlText.Quote(summary),
                $"SELECT {string.Join(", ", sampled.Aggregates)} FROM (SELECT * FROM {table} USING SAMPLE {percent}% (bernoulli, 42))",
                NoFrames,
                cancellationToken);
            foreach (var (figure, value) in Row(await QueryAsync($"SELECT {Unpacked(sampled.Lists, sampled.Quantiles)} FROM {SqlText.Quote(summary)}")))
            {
                figures[figure] = value;
            }
        }

        var bounds = columns.Select((c, i) => c.Kind is ProfileKind.Numeric or ProfileKind.Temporal && Double(figures[$"blo{i}"]) is { } lo && Double(figures[$"bhi{i}"]) is { } hi
            ? (lo, hi)
            : ((double, double)?)null).ToList();
        return new Summary(
            columns.Select((c, i) => Figures(figures, c, i, rows, exact)).ToList(),
            exact ? null : rows - Long(figures["distinct_rows"]),
            pairs.Select((p, k) => new Correlation(p.First, p.Second, Double(figures[$"r{k}"]))).ToList(),
            bounds,
            exact ? null : summary);
    }

    /// <summary>The aggregates of each column's exact figures (and, above the exact limit, its estimated distinct values).</summary>
    private static List<string> ColumnAggregates(List<ProfiledColumn> columns, bool exact)
    {
        var aggregates = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            var (x, kind) = (SqlText.Quote(columns[i].Name), columns[i].Kind);
            aggregates.Add($"count({x}) AS n{i}");
            aggregates.Add(exact ? $"count(DISTINCT {x}) AS d{i}" : $"approx_count_distinct({x}) AS d{i}");
            if (kind != ProfileKind.Other)
            {
                aggregates.Add($"min({x}) AS lo{i}, max({x}) AS hi{i}");
            }

            if (kind == ProfileKind.Numeric && !columns[i].Floating)
            {
                // Integers and decimals are finite, and a cast to DOUBLE keeps their order: the bounds are the extremes, cast.
                aggregates.Add($"CAST(min({x}) AS DOUBLE) AS blo{i}, CAST(max({x}) AS DOUBLE) AS bhi{i}");
            }
            else if (kind is ProfileKind.Numeric or ProfileKind.Temporal)
            {
                var value = Plotted(columns[i]);
                aggregates.Add($"min({value}) FILTER (WHERE isfinite({value})) AS blo{i}, max({value}) FILTER (WHERE isfinite({value})) AS bhi{i}");
            }

            if (kind == ProfileKind.Numeric)
            {
                aggregates.Add($"CAST(avg({x}) AS DOUBLE) AS mean{i}, CAST(stddev_samp({x}) AS DOUBLE) AS sd{i}, CAST(sum({x}) AS DOUBLE) AS sum{i}");
            }
            else if (kind == ProfileKind.Text)
            {
                aggregates.Add($"min(length({x})) AS lmin{i}, CAST(avg(length({x})) AS DOUBLE) AS lmean{i}, max(length({x})) AS lmax{i}");
            }
        }

        return aggregates;
    }

    /// <summary>
    /// The aggregates that run over the sample above the exact limit (over every row up to it): each numeric column's quantiles
    /// (as a list to unpack), the correlations and, over the sample, each column's <c>approx_top_k</c> candidates for the most
    /// frequent values (twice as many as shown; with <paramref name="candidates"/>); with the lists the outer query leaves out
    /// and the quantiles it unpacks.
    /// </summary>
    private (List<string> Aggregates, List<string> Lists, List<string> Quantiles) SampledAggregates(
        List<ProfiledColumn> columns, List<(string First, string Second)> pairs, bool candidates)
    {
        var fractions = $"[{string.Join(", ", Fractions.Select(f => f.ToString("0.00", CultureInfo.InvariantCulture)))}]";
        var (aggregates, lists, quantiles) = (new List<string>(), new List<string>(), new List<string>());
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind == ProfileKind.Numeric)
            {
                aggregates.Add($"quantile_cont(CAST({SqlText.Quote(columns[i].Name)} AS DOUBLE), {fractions}) AS q{i}");
                lists.Add($"q{i}");
                quantiles.AddRange(Fractions.Select((_, k) => $"q{i}[{k + 1}] AS q{i}_{k}"));
            }

            if (candidates && columns[i].Kind != ProfileKind.Other)
            {
                aggregates.Add($"approx_top_k({SqlText.Quote(columns[i].Name)}, {options.TopValues * 2}) AS k{i}");
                lists.Add($"k{i}");
            }
        }

        aggregates.Add("count(*) AS sample_rows");
        aggregates.AddRange(pairs.Select((p, k) => $"corr(CAST({SqlText.Quote(p.First)} AS DOUBLE), CAST({SqlText.Quote(p.Second)} AS DOUBLE)) AS r{k}"));
        return (aggregates, lists, quantiles);
    }

    /// <summary>The select list that leaves out the <paramref name="lists"/> and adds the <paramref name="quantiles"/> unpacked from them.</summary>
    private static string Unpacked(List<string> lists, List<string> quantiles) =>
        lists.Count == 0 ? "*" : $"* EXCLUDE ({string.Join(", ", lists)}){string.Concat(quantiles.Select(q => $", {q}"))}";

    /// <summary>The one row of an aggregate, by column name.</summary>
    private static Dictionary<string, object?> Row(DataFrame frame) => frame.Columns.ToDictionary(c => c.Name, c => (object?)c[0], StringComparer.Ordinal);

    private static ColumnProfile Figures(Dictionary<string, object?> figures, ProfiledColumn column, int i, long rows, bool exact)
    {
        var count = Long(figures[$"n{i}"]);
        var numeric = column.Kind == ProfileKind.Numeric;
        var text = column.Kind == ProfileKind.Text;
        return new ColumnProfile(
            column.Name,
            column.Type,
            column.Kind,
            count,
            rows - count,
            Long(figures[$"d{i}"]),
            !exact,
            column.Kind == ProfileKind.Other ? null : figures[$"lo{i}"],
            column.Kind == ProfileKind.Other ? null : figures[$"hi{i}"],
            numeric ? Double(figures[$"mean{i}"]) : null,
            numeric ? Double(figures[$"sd{i}"]) : null,
            numeric ? Double(figures[$"sum{i}"]) : null,
            numeric && count > 0 ? Fractions.Select((f, k) => new Quantile(f, Double(figures[$"q{i}_{k}"]) ?? double.NaN)).Where(q => double.IsFinite(q.Value)).ToList() : [],
            text && count > 0 ? new LengthProfile(Long(figures[$"lmin{i}"]), Double(figures[$"lmean{i}"]) ?? 0, Long(figures[$"lmax{i}"])) : null,
            [],
            null);
    }
}
