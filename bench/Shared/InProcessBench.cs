using System.Diagnostics;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DuckDB.NET.Data;

namespace DevEndpoint.LoadBench;

/// <summary>
/// What the benchmarks timed inside one process over the load benchmark's table share (SqlBench, DqBench, ProfileBench):
/// their arguments, the table crawled into a catalog of their own, the median of timed runs, and a DuckDB to compare with.
/// </summary>
internal sealed record InProcessBench(long Rows, int Runs, string Machine, string Data)
{
    /// <summary>The arguments, with <paramref name="runs"/> runs unless given; null (after saying why on stderr) when one is wrong.</summary>
    public static async Task<InProcessBench?> ParseAsync(string[] args, int runs)
    {
        var rows = 2_000_000L;
        var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
        var data = Path.Combine("artifacts", "bench-data");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out rows) && rows > 0:
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out runs) && runs > 0:
                    i++;
                    break;
                case "--machine" when i + 1 < args.Length:
                    machine = args[++i];
                    break;
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unexpected argument '{args[i]}'. Usage: [--rows <n>] [--runs <n>] [--machine <name>] [--data <folder>]");
                    return null;
            }
        }

        return new InProcessBench(rows, runs, machine, data);
    }

    /// <summary>The load benchmark's files (generated when missing) and a catalog of their own in which they are crawled as database <c>bench</c>.</summary>
    public async Task<(BenchFiles Files, DataCatalog Catalog)> CatalogAsync(string catalogFile)
    {
        var files = await BenchData.EnsureAsync(Path.GetFullPath(Data), Rows);
        var catalog = DataCatalog.Open(Path.Combine(files.Folder, catalogFile));
        if (catalog.GetDatabases().All(d => d.Name != "bench"))
        {
            await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = files.Data, Database = "bench", Exclusions = ["jsonl/**"] });
        }

        return (files, catalog);
    }

    /// <summary>The median time of <paramref name="runs"/> runs after one untimed warm-up.</summary>
    public static async Task<TimeSpan> MedianAsync(int runs, Func<Task> run)
    {
        await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await run();
            times.Add(stopwatch.Elapsed);
        }

        return times.Order().ElementAt(runs / 2);
    }

    /// <summary>A fresh in-memory DuckDB.</summary>
    public static DuckDBConnection OpenDuckDb()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture);
}
