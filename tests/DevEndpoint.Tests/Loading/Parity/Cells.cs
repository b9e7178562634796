using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>
/// Compares a loaded frame with DuckDB's rows cell by cell, by type: integers and decimals exactly, doubles exactly (NaN
/// equal to NaN), dates and timestamps to the tick with offsets taken to UTC, binary as its bytes, JSON text (arrays and
/// maps) by its values.
/// </summary>
internal static class Cells
{
    /// <summary>
    /// Fails listing every differing cell. DuckDB's columns are matched to the loaded ones by name (case-insensitive); a
    /// loaded <c>a.b</c> column is the field <c>b</c> of DuckDB's struct <c>a</c>.
    /// </summary>
    public static void AssertSame(DataFrame loaded, IReadOnlyList<string> duckNames, List<object?[]> duckRows, string what, IReadOnlySet<string>? jsonColumns = null, string reference = "DuckDB")
    {
        var differences = new List<string>();
        Assert.True(duckRows.Count == loaded.Rows.Count, $"{what}: loaded {loaded.Rows.Count} rows, {reference} read {duckRows.Count}.");
        foreach (var column in loaded.Columns)
        {
            var path = column.Name.Split('.');
            var top = FindIndex(duckNames, column.Name) is var whole and >= 0 ? whole : FindIndex(duckNames, path[0]);
            Assert.True(top >= 0, $"{what}: {reference} has no column '{column.Name}'; it has {string.Join(", ", duckNames)}.");
            var nested = duckNames[top].Equals(column.Name, StringComparison.OrdinalIgnoreCase) ? [] : path[1..];
            for (var row = 0; row < duckRows.Count; row++)
            {
                var theirs = Descend(duckRows[row][top], nested);
                var ours = column[row];
                if (jsonColumns?.Contains(column.Name) == true ? !SameJsonText(ours, theirs) : !Same(ours, theirs))
                {
                    differences.Add($"row {row + 1}, column '{column.Name}': loaded {Show(ours)}, {reference} {Show(theirs)}");
                }
            }
        }

        Assert.True(differences.Count == 0, $"{what}: {differences.Count} cells differ:\n{string.Join('\n', differences.Take(20))}");
    }

    private static int FindIndex(IReadOnlyList<string> names, string name) =>
        names.ToList().FindIndex(n => n.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));

    private static object? Descend(object? value, string[] path)
    {
        foreach (var field in path)
        {
            value = value is IDictionary<string, object?> record
                ? record.FirstOrDefault(kv => kv.Key.Trim().Equals(field, StringComparison.OrdinalIgnoreCase)).Value
                : null;
        }

        return value;
    }

    private static bool SameJsonText(object? ours, object? theirs) =>
        ours is null || theirs is null ? ours == theirs : SameJson(JsonNode.Parse((string)ours), JsonNode.Parse((string)theirs));

    private static bool Same(object? ours, object? theirs)
    {
        var (a, b) = (Canonical(ours), Canonical(theirs));
        return a is double x && b is double y ? x.Equals(y) : Equals(a, b);
    }

    /// <summary>A value in one representation per kind: every integer and decimal a <see cref="decimal"/>, every date and time a UTC <see cref="DateTime"/>.</summary>
    private static object? Canonical(object? value) => value switch
    {
        null or DBNull => null,
        sbyte or byte or short or ushort or int or uint or long or ulong or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        BigInteger big => big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue ? (decimal)big : big.ToString(CultureInfo.InvariantCulture),
        Half half => (double)half,
        float single => (double)single,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset offset => DateTime.SpecifyKind(offset.UtcDateTime, DateTimeKind.Unspecified),
        DateTime time => DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Unspecified),
        TimeOnly time => time.ToTimeSpan(),
        Guid guid => guid.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => value,
    };

    /// <summary>JSON values alike: numbers by value, strings that are timestamps by instant, arrays in order, objects by key.</summary>
    private static bool SameJson(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => SameJson(p.First, p.Second)),
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && SameJson(p.Value, other)),
        (JsonValue x, JsonValue y) => SameScalar(x, y),
        _ => false,
    };

    private static bool SameScalar(JsonValue a, JsonValue b)
    {
        if (a.TryGetValue<decimal>(out var x) && b.TryGetValue<decimal>(out var y))
        {
            return x == y;
        }

        if (a.TryGetValue<double>(out var p) && b.TryGetValue<double>(out var q))
        {
            return p.Equals(q);
        }

        var (s, t) = (a.ToString(), b.ToString());
        return s == t || DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var m)
            && DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var n) && m == n;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}' (string)",
        IFormattable formattable => $"{formattable.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"{value} ({value.GetType().Name})",
    };
}
