using System.Globalization;
using DuckDB.NET.Data;

namespace DevEndpoint.CrawlBench;

/// <summary>The peer, run by the driver as a process of its own: DuckDB's <c>count(*)</c> over a lake's files, printed.</summary>
internal static class DuckDbCount
{
    /// <summary>
    /// The <c>count(*)</c> of <c>read_csv_auto</c> (<paramref name="format"/> csv) or <c>read_json_auto</c> (json) over
    /// every file below <paramref name="folder"/>, with Hive partitioning, and by column name when the files' columns
    /// come in different orders (<paramref name="byName"/>).
    /// </summary>
    public static long Run(string format, string folder, bool byName)
    {
        var function = format switch
        {
            "csv" => "read_csv_auto",
            "json" => "read_json_auto",
            _ => throw new ArgumentException($"Unknown format '{format}': use csv or json.", nameof(format)),
        };
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var glob = $"{folder.Replace("'", "''", StringComparison.Ordinal)}/**/*.{format}";
        command.CommandText = $"SELECT count(*) FROM {function}('{glob}', hive_partitioning = true{(byName ? ", union_by_name = true" : string.Empty)})";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
