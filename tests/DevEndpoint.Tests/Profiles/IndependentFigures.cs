using System.Globalization;
using DevEndpoint.Profiles;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Profiles;

/// <summary>
/// Checks a profile against figures computed here, in C#, from the same rows loaded into a DataFrame: counts, distinct
/// values, extremes, mean, deviation, sum, quantiles, lengths, top values, histograms, duplicate rows and correlations.
/// </summary>
internal static class IndependentFigures
{
    private const double Tolerance = 1e-9;

    public static void AssertMatches(TableProfile profile, DataFrame frame, ProfileOptions? options = null)
    {
        options ??= new ProfileOptions();
        Assert.Equal(frame.Rows.Count, profile.Rows);
        Assert.Equal(frame.Rows.Count - DistinctRows(frame), profile.DuplicateRows);
        Assert.Equal(frame.Columns.Select(c => c.Name), profile.Columns.Select(c => c.Name));
        foreach (var column in frame.Columns)
        {
            AssertColumn(profile[column.Name]!, column, options);
        }

        var numeric = profile.Columns.Where(c => c.Kind == ProfileKind.Numeric).Select(c => c.Name).ToList();
        Assert.Equal(numeric.Count * (numeric.Count - 1) / 2, profile.Correlations.Count);
        foreach (var correlation in profile.Correlations)
        {
            Close(Pearson(frame[correlation.First], frame[correlation.Second]), correlation.Value);
        }
    }

    private static void AssertColumn(ColumnProfile profile, DataFrameColumn column, ProfileOptions options)
    {
        var values = Enumerable.Range(0, (int)column.Length).Select(r => column[r]).Where(v => v is not null).Select(v => v!).ToList();
        Assert.Equal(values.Count, profile.Count);
        Assert.Equal(column.Length - values.Count, profile.Nulls);
        Assert.False(profile.DistinctIsApproximate);
        Assert.Equal(values.Distinct().Count(), profile.Distinct);
        var top = values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, Comparer<object>.Create(Compare)).Take(options.TopValues).ToList();
        Assert.Equal(top.Select(g => (long)g.Count()), profile.TopValues.Select(t => t.Count));
        Assert.Equal(
            top.Select(g => profile.Kind == ProfileKind.Numeric ? Convert.ToDouble(g.Key, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : Text(g.Key, profile.Type)),
            profile.TopValues.Select(t => profile.Kind == ProfileKind.Numeric ? double.Parse(t.Value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : t.Value));

        switch (profile.Kind)
        {
            case ProfileKind.Numeric:
                AssertNumbers(profile, values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList(), options);
                break;
            case ProfileKind.Text:
                var texts = values.Cast<string>().ToList();
                Assert.Equal(texts.Count == 0 ? null : texts.Min(StringComparer.Ordinal), profile.Min);
                Assert.Equal(texts.Count == 0 ? null : texts.Max(StringComparer.Ordinal), profile.Max);
                var lengths = texts.Select(t => (long)t.EnumerateRunes().Count()).ToList();
                Assert.Equal(texts.Count == 0 ? null : new LengthProfile(lengths.Min(), lengths.Average(), lengths.Max()), profile.Lengths);
                break;
            case ProfileKind.Temporal:
                var times = values.Select(v => v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)v).ToList();
                Assert.Equal(times.Min(), Time(profile.Min));
                Assert.Equal(times.Max(), Time(profile.Max));
                AssertHistogram(profile.Histogram, times.Select(t => (t - DateTime.UnixEpoch).TotalSeconds).ToList(), options.Bins);
                break;
            default:
                Assert.Null(profile.Histogram);
                break;
        }
    }

    private static void AssertNumbers(ColumnProfile profile, List<double> numbers, ProfileOptions options)
    {
        if (numbers.Count == 0)
        {
            Assert.Null(profile.Mean);
            Assert.Empty(profile.Quantiles);
            Assert.Null(profile.Histogram);
            return;
        }

        var mean = numbers.Average();
        Close(numbers.Min(), Convert.ToDouble(profile.Min, CultureInfo.InvariantCulture));
        Close(numbers.Max(), Convert.ToDouble(profile.Max, CultureInfo.InvariantCulture));
        Close(mean, profile.Mean);
        Close(numbers.Sum(), profile.Sum);
        Close(numbers.Count < 2 ? null : Math.Sqrt(numbers.Sum(n => (n - mean) * (n - mean)) / (numbers.Count - 1)), profile.StandardDeviation);
        var sorted = numbers.Order().ToList();
        Assert.Equal([0.05, 0.25, 0.5, 0.75, 0.95], profile.Quantiles.Select(q => q.Fraction));
        foreach (var quantile in profile.Quantiles)
        {
            var h = (sorted.Count - 1) * quantile.Fraction;
            var below = (int)Math.Floor(h);
            var expected = below + 1 < sorted.Count ? sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below])) : sorted[below];
            Close(expected, quantile.Value);
        }

        AssertHistogram(profile.Histogram, numbers, options.Bins);
    }

    private static void AssertHistogram(Histogram? histogram, List<double> values, int bins)
    {
        Assert.NotNull(histogram);
        var (lo, hi) = (values.Min(), values.Max());
        var counts = new long[lo == hi ? 1 : bins];
        foreach (var v in values)
        {
            counts[lo == hi ? 0 : (int)Math.Min(Math.Floor((v - lo) / (hi - lo) * bins), bins - 1)]++;
        }

        Assert.Equal(lo, histogram.Start);
        Assert.Equal(hi, histogram.End);
        Assert.Equal(counts, histogram.Counts);
    }

    private static double? Pearson(DataFrameColumn a, DataFrameColumn b)
    {
        var pairs = Enumerable.Range(0, (int)a.Length).Where(r => a[r] is not null && b[r] is not null)
            .Select(r => (X: Convert.ToDouble(a[r], CultureInfo.InvariantCulture), Y: Convert.ToDouble(b[r], CultureInfo.InvariantCulture))).ToList();
        if (pairs.Count < 2)
        {
            return null;
        }

        var (mx, my) = (pairs.Average(p => p.X), pairs.Average(p => p.Y));
        var sxy = pairs.Sum(p => (p.X - mx) * (p.Y - my));
        var sxx = pairs.Sum(p => (p.X - mx) * (p.X - mx));
        var syy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static long DistinctRows(DataFrame frame) =>
        Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(r => string.Join('\u0001', frame.Columns.Select(c => c[r] is { } v ? Text(v, string.Empty) : "\u0002null")))
            .Distinct(StringComparer.Ordinal)
            .Count();

    private static void Close(double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected.Value - actual.Value) <= Tolerance * Math.Max(1, Math.Abs(expected.Value)), $"Expected {expected}, got {actual}.");
    }

    private static DateTime Time(object? value) => value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)value!;

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (bool x, bool y) => x.CompareTo(y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        _ => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
    };

    /// <summary>A value as DuckDB writes it as text: booleans in lower case, dates as yyyy-MM-dd, timestamps with their time.</summary>
    private static string Text(object value, string type) => value switch
    {
        bool b => b ? "true" : "false",
        DateTime d when type == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
