using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.LoadBench;

/// <summary>The driver: generates (or reuses) the data, crawls it, runs every reader as its own process and reports.</summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(long rows, int runs, string machine, string dataRoot, bool generateOnly, long shapeRows, CliOptions options)
    {
        Console.WriteLine($"Writing (or reusing) {rows:N0} rows under {dataRoot} ...");
        var files = await BenchData.EnsureAsync(dataRoot, rows);
        foreach (var path in new[] { files.Csv, files.Parquet, files.JsonLines })
        {
            Console.WriteLine($"  {path}: {new FileInfo(path).Length:N0} bytes");
        }

        var shapes = shapeRows > 0 ? await Shapes.EnsureAsync(files, shapeRows) : [];
        foreach (var shape in shapes)
        {
            Console.WriteLine($"  {shape.Path}: {new FileInfo(shape.Path).Length:N0} bytes");
        }

        if (generateOnly)
        {
            return 0;
        }

        foreach (var path in Directory.EnumerateFiles(files.Folder, Path.GetFileName(files.Catalog) + "*"))
        {
            File.Delete(path);
        }

        var crawl = await new Crawler(DataCatalog.Open(files.Catalog)).CrawlAsync(new CrawlOptions { Path = files.Data, Database = "bench" });
        Console.WriteLine($"Crawled into {files.Catalog}: {string.Join(", ", crawl.Tables.Select(t => $"bench.{t.Name} ({t.Classification})"))}");
        foreach (var shape in shapes)
        {
            var crawled = await new Crawler(DataCatalog.Open(files.Catalog)).CrawlAsync(new CrawlOptions { Path = shape.CrawlRoot, Database = "bench" });
            Console.WriteLine($"Crawled {string.Join(", ", crawled.Tables.Select(t => $"bench.{t.Name} ({t.Classification})"))}");
        }

        var cli = options.Installed ?? Path.Combine(AppContext.BaseDirectory, "cli", "DevEndpoint.Cli.dll");
        if (!File.Exists(cli))
        {
            await Console.Error.WriteLineAsync(options.Installed is null
                ? $"{cli} is missing: run the benchmark with dotnet run --project bench/DevEndpoint.LoadBench -c Release, which publishes the CLI there."
                : $"{cli} is missing: give --cli the command ./build.sh cli installed (devendpoint-cli/DevEndpoint.Cli in its tools folder).");
            return 2;
        }

        if (options.Baseline is { } missing && !File.Exists(missing))
        {
            await Console.Error.WriteLineAsync($"{missing} is missing: give --baseline a devendpoint command (such as another build's devendpoint-cli/DevEndpoint.Cli).");
            return 2;
        }

        var self = Path.Combine(AppContext.BaseDirectory, "DevEndpoint.LoadBench.dll");
        var runners = new List<Runner>();
        foreach (var (format, table, kind, function, path) in new[]
        {
            ("CSV", "bench.csv", "csv", "read_csv_auto", files.Csv),
            ("Parquet", "bench.parquet", "parquet", "read_parquet", files.Parquet),
            ("JSON lines", "bench.jsonl", "json", "read_json_auto", files.JsonLines),
        })
        {
            runners.Add(new(format, LoadReport.DevEndpoint, $"`devendpoint load {table} --summary`", cli, ["load", table, "--summary", "--catalog", files.Catalog], []));
            if (options.Baseline is { } baseline)
            {
                runners.Add(new(format, LoadReport.Baseline, $"`devendpoint load {table} --summary`, the baseline build", baseline, ["load", table, "--summary", "--catalog", files.Catalog], []));
            }

            runners.Add(new(format, LoadReport.DuckDb, $"`CREATE TABLE t AS SELECT * FROM {function}(...)`", self, ["duckdb", kind, path], ["--check"]));
            if (options.DuckDbOnly)
            {
                continue;
            }

            if (kind == "csv")
            {
                runners.Add(new(format, LoadReport.LoadCsv, "`DataFrame.LoadCsv(path)`", self, ["loadcsv", path], []));
            }
            else if (kind == "parquet")
            {
                runners.Add(new(format, LoadReport.DevEndpointSample, $"`devendpoint load {table} --sample 0.01 --summary`", cli, ["load", table, "--sample", "0.01", "--summary", "--catalog", files.Catalog], []));
                runners.Add(new(format, LoadReport.ParquetNet, "every row group, every column into an array", self, ["parquetnet", path], []));
            }
        }

        foreach (var shape in shapes)
        {
            var table = $"bench.{shape.Table}";
            runners.Add(new(shape.Table, LoadReport.DevEndpoint, $"`devendpoint load {table} --summary`", cli, ["load", table, "--summary", "--catalog", files.Catalog], []));
            runners.Add(new(shape.Table, LoadReport.DuckDb, "`CREATE TABLE t AS SELECT * FROM ...`", self, ["duckdb", shape.Kind, shape.Path], ["--check"]));
        }

        var measurements = await Measurement.TakeAsync(runners, runs);
        var crossChecks = measurements.Select(m => m.Runner.Format).Distinct().Select<string, (string Format, IReadOnlyList<string>? Mismatches)>(format =>
        {
            var ours = measurements.Single(m => m.Runner.Format == format && m.Runner.Reader == LoadReport.DevEndpoint).WarmUp;
            var duck = measurements.Single(m => m.Runner.Format == format && m.Runner.Reader == LoadReport.DuckDb).WarmUp;
            return (format, ours is null || duck is null ? null : CrossCheck.Mismatches(ours.Report, duck.Report));
        }).ToList();

        var report = LoadReport.Markdown(machine, files, shapes, runs, measurements, crossChecks, options);
        Console.WriteLine();
        Console.WriteLine(report);
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        var output = Path.Combine("bench", "results", $"load-{machine}.md");
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine($"Written to {Path.GetFullPath(output)}");

        var mismatched = crossChecks.Where(c => c.Mismatches is { Count: > 0 }).ToList();
        foreach (var (format, mismatches) in mismatched)
        {
            foreach (var mismatch in mismatches!)
            {
                await Console.Error.WriteLineAsync($"CROSS-CHECK MISMATCH ({format}): {mismatch}");
            }
        }

        return mismatched.Count == 0 && measurements.All(m => m.Succeeded) ? 0 : 1;
    }
}

/// <summary>
/// The devendpoint commands measured: <see cref="Installed"/> (the one <c>./build.sh cli</c> installs; <c>null</c> for the
/// JIT build published next to the bench), a <see cref="Baseline"/> build run in the same rounds, and whether DuckDB is the only peer.
/// </summary>
internal sealed record CliOptions(string? Installed, string? Baseline, bool DuckDbOnly);
