using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DevEndpoint.Frames;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using Parquet;

namespace DevEndpoint.LoadBench;

/// <summary>
/// The peers, each run by the driver as a process of its own. Each prints one JSON line, in the shape of
/// <c>devendpoint load --summary</c>: <c>rows</c>, <c>columns</c> (DuckDB with <c>--check</c>), <c>elapsedMs</c> (the
/// load alone) and <c>peakWorkingSetBytes</c> (the process's peak after the load).
/// </summary>
internal static class Runners
{
    /// <summary>DuckDB's CREATE TABLE from <paramref name="format"/> (csv, parquet or json), in an in-memory database.</summary>
    public static void DuckDb(string format, string path, bool check)
    {
        var function = format switch
        {
            "csv" => "read_csv_auto",
            "parquet" => "read_parquet",
            "json" => "read_json_auto",
            _ => throw new ArgumentException($"Unknown format '{format}': use csv, parquet or json.", nameof(format)),
        };
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var stopwatch = Stopwatch.StartNew();
        Execute(connection, $"CREATE TABLE t AS SELECT * FROM {function}('{path.Replace("'", "''", StringComparison.Ordinal)}')");
        var elapsed = stopwatch.Elapsed;
        var peak = PeakWorkingSet();
        var rows = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM t"), CultureInfo.InvariantCulture);
        Report(check ? Summarize(connection, rows) : new FrameSummary(rows, []), elapsed, peak);
    }

    /// <summary>Microsoft.Data.Analysis's own CSV reader, with its defaults.</summary>
    public static void LoadCsv(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var frame = DataFrame.LoadCsv(path);
        Report(new FrameSummary(frame.Rows.Count, []), stopwatch.Elapsed, PeakWorkingSet());
    }

    /// <summary>Parquet.Net, read naively: every row group, every column into an array.</summary>
    public static async Task ParquetNetAsync(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var chunks = new List<RowChunk>();
        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                chunks.Add(await RowChunk.ReadAsync(rowGroup));
            }
        }

        Report(new FrameSummary(chunks.Sum(c => (long)c.Count), []), stopwatch.Elapsed, PeakWorkingSet());
    }

    /// <summary>DuckDB's figures for the table, by SQL: null counts, exact sums of integers and decimals, sums of doubles, UTF-8 bytes of strings.</summary>
    private static FrameSummary Summarize(DuckDBConnection connection, long rows)
    {
        var columns = new List<(string Name, string Type)>();
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position";
            using var reader = describe.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return new FrameSummary(rows, columns.SelectMany(c => Leaves(connection, c.Name, Quote(c.Name), c.Type)).Select(c => Summarize(connection, c.Name, c.Sql, c.Type)).ToList());
    }

    /// <summary>A column, or the fields of a STRUCT column down to its leaves, named by their path (<c>user.address.city</c>) as a frame names them.</summary>
    private static IEnumerable<(string Name, string Sql, string Type)> Leaves(DuckDBConnection connection, string name, string sql, string type)
    {
        if (!type.StartsWith("STRUCT", StringComparison.Ordinal))
        {
            return [(name, sql, type)];
        }

        var fields = new List<(string Name, string Type)>();
        using var describe = connection.CreateCommand();
        describe.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT unnest({sql}) FROM t)";
        using (var reader = describe.ExecuteReader())
        {
            while (reader.Read())
            {
                fields.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return fields.SelectMany(f => Leaves(connection, $"{name}.{f.Name}", $"struct_extract({sql}, '{f.Name.Replace("'", "''", StringComparison.Ordinal)}')", f.Type));
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static ColumnSummary Summarize(DuckDBConnection connection, string name, string column, string type)
    {
        var nulls = Convert.ToInt64(Scalar(connection, $"SELECT count(*) - count({column}) FROM t"), CultureInfo.InvariantCulture);
        var summary = new ColumnSummary(name, type, nulls, null, null);
        if (type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" || type.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            var sum = Scalar(connection, $"SELECT CAST(sum({column}) AS VARCHAR) FROM t");
            return summary with { Sum = new NumericSum(sum is string text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null, null) };
        }

        if (type is "FLOAT" or "DOUBLE")
        {
            var sum = Scalar(connection, $"SELECT sum({column}) FROM t");
            return summary with { Sum = new NumericSum(null, sum is DBNull ? null : Convert.ToDouble(sum, CultureInfo.InvariantCulture)) };
        }

        return type == "VARCHAR"
            ? summary with { Utf8Bytes = Convert.ToInt64(Scalar(connection, $"SELECT CAST(coalesce(sum(strlen({column})), 0) AS BIGINT) FROM t"), CultureInfo.InvariantCulture) }
            : summary;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static void Report(FrameSummary summary, TimeSpan elapsed, long peakWorkingSet)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout))
        {
            writer.WriteStartObject();
            summary.WriteProperties(writer);
            writer.WriteNumber("elapsedMs", Math.Round(elapsed.TotalMilliseconds, 1));
            writer.WriteNumber("peakWorkingSetBytes", peakWorkingSet);
            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
