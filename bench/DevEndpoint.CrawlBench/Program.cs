using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.CrawlBench;
using DevEndpoint.Crawling;
using DuckDB.NET.Data;

// Usage: dotnet run --project bench/DevEndpoint.CrawlBench -c Release [-- <small files> <big file MiB>]
var smallFiles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var bigMebibytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
const int Runs = 5;
var root = Path.Combine(Path.GetTempPath(), "devendpoint-crawlbench");
var work = Path.Combine(root, "catalogs");
Directory.CreateDirectory(work);

Console.WriteLine($"Writing (or reusing) {smallFiles} small files and a {bigMebibytes} MiB file under {root} ...");
var small = Lakes.SmallFiles(root, smallFiles);
var big = Lakes.BigFile(root, bigMebibytes);

var (smallCrawl, smallRun) = await MedianCrawlAsync(small, "events");
var (bigCrawl, bigRun) = await MedianCrawlAsync(big, "measurements");

using var duck = new DuckDBConnection("DataSource=:memory:");
duck.Open();
var duckRows = 0L;
var duckTimes = new List<TimeSpan>();
for (var i = 0; i <= Runs; i++)
{
    var stopwatch = Stopwatch.StartNew();
    using var command = duck.CreateCommand();
    command.CommandText = $"SELECT count(*) FROM read_csv_auto('{small.Replace("'", "''", StringComparison.Ordinal)}/**/*.csv', hive_partitioning = true)";
    duckRows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    if (i > 0)
    {
        duckTimes.Add(stopwatch.Elapsed);
    }
}

var duckMedian = Median(duckTimes);
var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# Crawl cost on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Median of {Runs} warm runs, each crawl into a fresh catalog. Reproduce: `dotnet run --project bench/DevEndpoint.CrawlBench -c Release -- {smallFiles} {bigMebibytes}`.")
    .AppendLine()
    .AppendLine("| case | DevEndpoint crawl | files classified | bytes read (upper bound) | tables / partitions | peer in the same run |")
    .AppendLine("|---|---|---|---|---|---|")
    .AppendLine(CultureInfo.InvariantCulture, $"| {smallFiles:N0} small Hive-partitioned CSV files | {smallCrawl.TotalSeconds:0.00} s | {smallRun.FilesClassified:N0} | {smallRun.BytesRead:N0} | {smallRun.TablesCreated} / {smallRun.PartitionsAdded:N0} | DuckDB `count(*)` over `read_csv_auto(..., hive_partitioning=true)`: {duckMedian.TotalSeconds:0.00} s ({duckRows:N0} rows); ratio DevEndpoint/DuckDB {smallCrawl / duckMedian:0.00} |")
    .AppendLine(CultureInfo.InvariantCulture, $"| one {bigMebibytes:N0} MiB CSV file | {bigCrawl.TotalSeconds:0.000} s | {bigRun.FilesClassified} | {bigRun.BytesRead:N0} ({(double)bigRun.BytesRead / ((long)bigMebibytes << 20):P2} of the file) | {bigRun.TablesCreated} / {bigRun.PartitionsAdded} | |");
Console.WriteLine(report);
Directory.CreateDirectory(Path.Combine("bench", "results"));
var output = Path.Combine("bench", "results", $"crawl-{machine}.md");
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine($"Written to {Path.GetFullPath(output)}");

async Task<(TimeSpan Median, CrawlRun Run)> MedianCrawlAsync(string folder, string database)
{
    var times = new List<TimeSpan>();
    CrawlRun? run = null;
    for (var i = 0; i <= Runs; i++)
    {
        var catalogPath = Path.Combine(work, $"{database}-{i}.db");
        foreach (var file in Directory.EnumerateFiles(work, $"{database}-{i}.db*"))
        {
            File.Delete(file);
        }

        var stopwatch = Stopwatch.StartNew();
        var result = await new Crawler(DataCatalog.Open(catalogPath)).CrawlAsync(new CrawlOptions { Path = folder, Database = database });
        if (i > 0)
        {
            times.Add(stopwatch.Elapsed);
        }

        run = result.Run;
    }

    return (Median(times), run!);
}

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
