using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DevEndpoint.Bench;
using DevEndpoint.Catalog;
using DevEndpoint.CrawlBench;
using DevEndpoint.Crawling;
using DuckDB.NET.Data;

// Usage: dotnet run --project bench/DevEndpoint.CrawlBench -c Release [-- <files> <big file MiB>] [--runs <n>] [--data <folder>] [--lake <name>]... [--cli <folder>]
// <files> is the file count of the small, typed, families and jsonl lakes; the tiny lake has ten times as many.
// --cli: a folder the CLI was published into (to measure another build of it), or the command itself as ./build.sh cli
// installs it (devendpoint-cli/DevEndpoint.Cli, NativeAOT); by default the JIT build published next to the bench.
// Lakes: small and big (crawled in this process), typed, families, tiny and jsonl (each run a whole process, as installed).
// Internal: duckdb-count csv|json <folder> [--by-name] runs the peer in a process of its own and prints its count.
if (args.FirstOrDefault() == "duckdb-count" && args.Length >= 3)
{
    Console.WriteLine(DuckDbCount.Run(args[1], args[2], args.Contains("--by-name")));
    return 0;
}

var positional = new List<int>();
var runs = 5;
var root = Path.Combine(Path.GetTempPath(), "devendpoint-crawlbench");
var lakes = new HashSet<string>(StringComparer.Ordinal);
var cliFolder = Path.Combine(AppContext.BaseDirectory, "cli");
string[] allLakes = ["small", "big", "typed", "families", "tiny", "jsonl"];
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out runs) && runs > 0:
            i++;
            break;
        case "--data" when i + 1 < args.Length:
            root = Path.GetFullPath(args[++i]);
            break;
        case "--cli" when i + 1 < args.Length:
            cliFolder = Path.GetFullPath(args[++i]);
            break;
        case "--lake" when i + 1 < args.Length && allLakes.Contains(args[i + 1]):
            lakes.Add(args[++i]);
            break;
        default:
            if (positional.Count < 2 && int.TryParse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                positional.Add(number);
                break;
            }

            await Console.Error.WriteLineAsync($"Unexpected argument '{args[i]}'. Usage: [<files> <big file MiB>] [--runs <n>] [--data <folder>] [--lake {string.Join('|', allLakes)}]... [--cli <folder or command>]");
            return 2;
    }
}

var files = positional.Count > 0 ? positional[0] : 20_000;
var bigMebibytes = positional.Count > 1 ? positional[1] : 1024;
if (lakes.Count == 0)
{
    lakes.UnionWith(allLakes);
}

var work = Path.Combine(root, "catalogs");
Directory.CreateDirectory(work);
var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# Crawl cost on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `dotnet run --project bench/DevEndpoint.CrawlBench -c Release -- {files} {bigMebibytes} --runs {runs}{string.Concat(lakes.Count == allLakes.Length ? [] : lakes.Select(l => $" --lake {l}"))}`.");

if (lakes.Contains("small") || lakes.Contains("big"))
{
    report.AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"In this process: median of {runs} warm runs, each crawl into a fresh catalog.")
        .AppendLine()
        .AppendLine("| case | DevEndpoint crawl | files classified | bytes read (upper bound) | tables / partitions | peer in the same run |")
        .AppendLine("|---|---|---|---|---|---|");
    if (lakes.Contains("small"))
    {
        Console.WriteLine($"Writing (or reusing) {files} small files under {root} ...");
        var small = Lakes.SmallFiles(root, files);
        var (smallCrawl, smallRun) = await MedianCrawlAsync(small, "events");
        var (duckMedian, duckRows) = MedianInProcessDuckDb(small);
        report.AppendLine(CultureInfo.InvariantCulture, $"| {files:N0} small Hive-partitioned CSV files (10 rows of integers and decimals) | {smallCrawl.TotalSeconds:0.00} s | {smallRun.FilesClassified:N0} | {smallRun.BytesRead:N0} | {smallRun.TablesCreated} / {smallRun.PartitionsAdded:N0} | DuckDB `count(*)` over `read_csv_auto(..., hive_partitioning=true)`: {duckMedian.TotalSeconds:0.00} s ({duckRows:N0} rows); ratio DevEndpoint/DuckDB {smallCrawl / duckMedian:0.00} |");
    }

    if (lakes.Contains("big"))
    {
        Console.WriteLine($"Writing (or reusing) a {bigMebibytes} MiB file under {root} ...");
        var big = Lakes.BigFile(root, bigMebibytes);
        var (bigCrawl, bigRun) = await MedianCrawlAsync(big, "measurements");
        report.AppendLine(CultureInfo.InvariantCulture, $"| one {bigMebibytes:N0} MiB CSV file | {bigCrawl.TotalSeconds:0.000} s | {bigRun.FilesClassified} | {bigRun.BytesRead:N0} ({(double)bigRun.BytesRead / ((long)bigMebibytes << 20):P2} of the file) | {bigRun.TablesCreated} / {bigRun.PartitionsAdded} | |");
    }
}

var wholeProcessLakes = new (string Name, string What, Func<string> Write, string Format, bool ByName)[]
{
    ("typed", $"{files:N0} Hive-partitioned CSV files of 50 rows: long, int, 3-decimal double, boolean, date, timestamps without zone, with `Z` and with an offset, short text, quoted text with commas, nulls", () => VariedLakes.Typed(root, files), "csv", false),
    ("families", $"the same {files:N0} files in 8 families, each with its own column order and values (DuckDB with `union_by_name=true`)", () => VariedLakes.Families(root, files), "csv", true),
    ("tiny", $"{files * 10:N0} tiny Hive-partitioned CSV files (a header and 1 to 3 rows)", () => VariedLakes.Tiny(root, files * 10), "csv", false),
    ("jsonl", $"{files:N0} Hive-partitioned JSON lines files of 50 typed objects (DuckDB `read_json_auto`)", () => VariedLakes.JsonLines(root, files), "json", false),
}.Where(l => lakes.Contains(l.Name)).ToList();
if (wholeProcessLakes.Count > 0)
{
    var cli = File.Exists(cliFolder) ? cliFolder : Path.Combine(cliFolder, "DevEndpoint.Cli.dll");
    var self = typeof(DuckDbCount).Assembly.Location;
    report.AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Whole process, as installed (`devendpoint crawl <folder> --database bench --catalog <fresh file>`, published like `./build.sh cli`), against DuckDB's `count(*)` over `read_csv_auto('<folder>/**/*.csv', hive_partitioning=true)` run in a process of its own (DuckDB.NET in a .NET process), alternating; median of {runs} runs after a warm-up; wall = from start to exit, CPU = user + system time, peak = the process's peak resident memory.")
        .AppendLine()
        .AppendLine("| lake | DevEndpoint crawl: wall / CPU / peak | tables / partitions | DuckDB count(*): wall / CPU / peak | rows | ratio DevEndpoint/DuckDB: wall / CPU |")
        .AppendLine("|---|---|---|---|---|---|");
    foreach (var lake in wholeProcessLakes)
    {
        Console.WriteLine($"Writing (or reusing) the {lake.Name} lake under {root} ...");
        var folder = lake.Write();
        var crawls = new List<WholeProcess>();
        var ducks = new List<WholeProcess>();
        for (var round = 0; round <= runs; round++)
        {
            var catalogPath = Path.Combine(work, $"{lake.Name}.db");
            foreach (var old in Directory.EnumerateFiles(work, $"{lake.Name}.db*"))
            {
                File.Delete(old);
            }

            var crawl = await WholeProcess.RunAsync(cli, "crawl", folder, "--database", "bench", "--catalog", catalogPath);
            string[] duckArgs = [self, "duckdb-count", lake.Format, folder, .. lake.ByName ? new[] { "--by-name" } : []];
            var duck = await WholeProcess.RunAsync(duckArgs);
            Console.WriteLine($"  {lake.Name} {(round == 0 ? "warm-up" : $"run {round}")}: devendpoint {crawl.Wall.TotalSeconds:0.00} s (CPU {crawl.Cpu?.TotalSeconds:0.00} s), DuckDB {duck.Wall.TotalSeconds:0.00} s (CPU {duck.Cpu?.TotalSeconds:0.00} s)");
            if (round > 0)
            {
                crawls.Add(crawl);
                ducks.Add(duck);
            }
        }

        var summary = Regex.Match(crawls[^1].Output, @"Tables: (\d+) created.*Partitions added: (\d+)\.");
        report.AppendLine(CultureInfo.InvariantCulture, $"| {lake.What} | {Figures(crawls)} | {summary.Groups[1].Value} / {summary.Groups[2].Value} | {Figures(ducks)} | {long.Parse(ducks[^1].Output.Trim(), CultureInfo.InvariantCulture):N0} | {Ratio(crawls, ducks, r => r.Wall)} / {Ratio(crawls, ducks, r => r.Cpu)} |");
    }
}

Console.WriteLine(report);
Directory.CreateDirectory(Path.Combine("bench", "results"));
var output = Path.Combine("bench", "results", $"crawl-{machine}.md");
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine($"Written to {Path.GetFullPath(output)}");
return 0;

async Task<(TimeSpan Median, CrawlRun Run)> MedianCrawlAsync(string folder, string database)
{
    var times = new List<TimeSpan>();
    CrawlRun? run = null;
    for (var i = 0; i <= runs; i++)
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

(TimeSpan Median, long Rows) MedianInProcessDuckDb(string folder)
{
    using var duck = new DuckDBConnection("DataSource=:memory:");
    duck.Open();
    var rows = 0L;
    var times = new List<TimeSpan>();
    for (var i = 0; i <= runs; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_csv_auto('{folder.Replace("'", "''", StringComparison.Ordinal)}/**/*.csv', hive_partitioning = true)";
        rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (i > 0)
        {
            times.Add(stopwatch.Elapsed);
        }
    }

    return (Median(times), rows);
}

static string Figures(List<WholeProcess> runs) =>
    runs.All(r => r.Cpu is not null)
        ? string.Create(CultureInfo.InvariantCulture, $"{Median(runs.Select(r => r.Wall)).TotalSeconds:0.00} s / {Median(runs.Select(r => r.Cpu!.Value)).TotalSeconds:0.00} s / {Median(runs.Select(r => r.PeakBytes!.Value)) / (1024.0 * 1024):0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{Median(runs.Select(r => r.Wall)).TotalSeconds:0.00} s / n/a / n/a");

static string Ratio(List<WholeProcess> ours, List<WholeProcess> peer, Func<WholeProcess, TimeSpan?> figure) =>
    ours.Concat(peer).All(r => figure(r) is not null)
        ? string.Create(CultureInfo.InvariantCulture, $"{Median(ours.Select(r => figure(r)!.Value)) / Median(peer.Select(r => figure(r)!.Value)):0.00}")
        : "n/a";

static T Median<T>(IEnumerable<T> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
