using System.Text.Json;

namespace DevEndpoint.LoadBench;

/// <summary>
/// DevEndpoint's <c>--summary</c> against DuckDB's figures for the same file: row count, and per column (by name) the
/// nulls, the sum and the UTF-8 bytes. Sums of integers and decimals must be equal; where either side holds doubles,
/// equal to 1e-9 relative. Of a column DuckDB reads as a LIST, which a frame holds as JSON text, the nulls only (DuckDB's figures give a STRUCT by its fields, as a frame holds it).
/// </summary>
internal static class CrossCheck
{
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<string> Mismatches(JsonElement devEndpoint, JsonElement duckDb)
    {
        var mismatches = new List<string>();
        if (devEndpoint.GetProperty("rows").GetInt64() != duckDb.GetProperty("rows").GetInt64())
        {
            mismatches.Add($"rows: DevEndpoint {devEndpoint.GetProperty("rows")}, DuckDB {duckDb.GetProperty("rows")}");
        }

        var duckColumns = duckDb.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase);
        foreach (var column in devEndpoint.GetProperty("columns").EnumerateArray())
        {
            var name = column.GetProperty("name").GetString()!;
            if (!duckColumns.Remove(name, out var duck))
            {
                mismatches.Add($"{name}: not a column of DuckDB's table");
                continue;
            }

            var types = $"DevEndpoint {column.GetProperty("type").GetString()}, DuckDB {duck.GetProperty("type").GetString()}";
            if (column.GetProperty("nulls").GetInt64() != duck.GetProperty("nulls").GetInt64())
            {
                mismatches.Add($"{name}: nulls DevEndpoint {column.GetProperty("nulls")}, DuckDB {duck.GetProperty("nulls")}");
            }

            // DuckDB's LIST columns are JSON text in a frame: only their nulls compare.
            var nested = duck.GetProperty("type").GetString() is { } duckType && duckType.EndsWith(']');
            foreach (var figure in nested ? [] : new[] { "sum", "utf8Bytes" })
            {
                var ours = column.TryGetProperty(figure, out var a) ? a : (JsonElement?)null;
                var theirs = duck.TryGetProperty(figure, out var b) ? b : (JsonElement?)null;
                if (ours is null != theirs is null)
                {
                    mismatches.Add($"{name}: only {(ours is null ? "DuckDB" : "DevEndpoint")} has a {figure} ({types})");
                }
                else if (ours is { } x && theirs is { } y && !Agree(x, y, Approximate(column, duck)))
                {
                    mismatches.Add($"{name}: {figure} DevEndpoint {x.GetRawText()}, DuckDB {y.GetRawText()} ({types})");
                }
            }
        }

        mismatches.AddRange(duckColumns.Keys.Select(name => $"{name}: not a column of DevEndpoint's frame"));
        return mismatches;
    }

    private static bool Approximate(JsonElement ours, JsonElement theirs) =>
        ours.GetProperty("type").GetString() is "double" or "float" || theirs.GetProperty("type").GetString() is "DOUBLE" or "FLOAT";

    private static bool Agree(JsonElement ours, JsonElement theirs, bool approximate)
    {
        if (ours.ValueKind == JsonValueKind.Null || theirs.ValueKind == JsonValueKind.Null)
        {
            return ours.ValueKind == theirs.ValueKind;
        }

        if (!approximate)
        {
            return ours.GetDecimal() == theirs.GetDecimal();
        }

        var (x, y) = (ours.GetDouble(), theirs.GetDouble());
        return Math.Abs(x - y) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
    }
}
