using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.CsvBench;
using DevEndpoint.Loading;
using DevEndpoint.Writing;

// dotnet run -c Release --project bench/DevEndpoint.CsvBench -- [label] [runs]
// Prints one Markdown table row a measurement: the median of [runs] runs (default 5) after a warm-up run. Built from
// today's tree and from an older one (the hand-written code), the rows compare the two (bench/results/csvhelper-vm.md).
var label = args.Length > 0 ? args[0] : "this build";
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var folder = Directory.CreateTempSubdirectory("csvbench-");
try
{
    var frame = BenchFrames.Mixed(1_000_000);
    var writes = 0;
    Report("write 1,000,000 rows, 9 columns", Measure(runs, () => new FrameWriter()
        .WriteAsync(frame, new WriteOptions { Path = Path.Combine(folder.FullName, "written", $"{writes++}"), Format = WriteFormat.Csv })
        .GetAwaiter().GetResult()));

    var catalog = DataCatalog.Open(Path.Combine(folder.FullName, "catalog.db"));
    foreach (var (table, encoding) in new[] { ("utf16", Encoding.Unicode), ("latin1", Encoding.Latin1) })
    {
        // A lake a table: two tables of the same columns in one lake would be crawled as one, partitioned.
        BenchFrames.WriteText(Path.Combine(folder.FullName, table, table, "a.csv"), 200_000, encoding);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.Combine(folder.FullName, table), Database = "bench" });
    }

    foreach (var table in new[] { "utf16", "latin1" })
    {
        var loader = new TableLoader(catalog);
        Report($"load 200,000 rows of {table}", Measure(runs, () => loader.LoadAsync($"bench.{table}").GetAwaiter().GetResult()));
    }

    var sample = BenchFrames.Text(2_000)[..(64 * 1024)];
    var (own, helper) = SniffSample.Measure(sample, runs);
    Report("sniffer sample, 64K chars: its own record reader", own);
    Report("sniffer sample, 64K chars: CsvHelper", helper);
}
finally
{
    folder.Delete(recursive: true);
}

void Report(string what, TimeSpan median)
{
    var line = string.Create(CultureInfo.InvariantCulture, $"| {what} | {label} | {median.TotalMilliseconds:0.0} |");
    Console.WriteLine(line);
}

static TimeSpan Measure(int runs, Action run)
{
    run();
    var times = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        run();
        times.Add(clock.Elapsed);
    }

    return times.Order().ElementAt(times.Count / 2);
}
