using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Cluster;
using DevEndpoint.ClusterBench;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Writing;

// dotnet run --project bench/DevEndpoint.ClusterBench -c Release -- [partitions=200] [crawl files=2000] [rows per partition=500]
//   ... -- crawl [files=100000]           a big lake crawled in one process and by 1, 2, 3 workers
//   ... -- limits [objects=100000,...]    the coordinator with 100 simulated workers; then the dispatch of many tasks
//   ... -- writers [commits=40]           N processes committing into one PostgreSQL catalog, then one SQLite file
//   ... -- catalog [files=2000,20000] [rounds=3]  the same crawls into a SQLite file and a PostgreSQL catalog: time in the store
// Needs PostgreSQL: DEVENDPOINT_TEST_POSTGRES, _USER, _PASSWORD (source scripts/servers.sh or ./build.sh test's servers).
if (args is ["writer", var writerCatalog, var writerDatabase, var writerProcess, var writerCommits])
{
    return CatalogWriters.Write(writerCatalog, writerDatabase, int.Parse(writerProcess, CultureInfo.InvariantCulture), int.Parse(writerCommits, CultureInfo.InvariantCulture));
}

if (args is [var mode, ..] && mode is "crawl" or "limits" or "writers" or "catalog")
{
    var scratch = Path.Combine(Path.GetTempPath(), "bigcrawl", mode);
    Directory.CreateDirectory(scratch);
    try
    {
        var section = mode switch
        {
            "crawl" => await BigCrawl.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, scratch),
            "limits" => await CoordinatorLimits.RunAsync(args.Length > 1 ? args[1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() : [100_000, 300_000, 1_000_000], scratch)
                + Environment.NewLine + await CoordinatorLimits.DispatchAsync([400, 2000], scratch),
            "catalog" => CatalogCrawls.Run(
                args.Length > 1 ? args[1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() : [2000, 20_000],
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3,
                scratch),
            _ => CatalogWriters.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40, scratch),
        };
        Console.WriteLine(section);
        return 0;
    }
    finally
    {
        Directory.Delete(scratch, recursive: true);
    }
}

var partitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var crawlFiles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var rowsPerPartition = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
var work = Path.Combine(Path.GetTempPath(), $"devendpoint-cluster-bench-{Environment.ProcessId}");
if (Directory.Exists(work))
{
    Directory.Delete(work, recursive: true);
}

using var bench = new BenchWorkers("cluster_bench");
var workers = new List<(string Name, Process Process)>();
var report = new StringBuilder();
try
{
    foreach (var name in new[] { "w1", "w2", "w3" })
    {
        workers.Add((name, bench.Start(name)));
    }

    await using var session = await ClusterSession.ConnectAsync(bench.Database);
    var catalog = DataCatalog.Open(Path.Combine(work, "catalog.db"));
    var rows = WriteOrders(Path.Combine(work, "lake"), partitions, rowsPerPartition);
    await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.Combine(work, "lake"), Database = "bench" });
    var library = Path.Combine(work, "etl", "Bench.cs");
    Directory.CreateDirectory(Path.GetDirectoryName(library)!);
    File.WriteAllText(library, """
        using Microsoft.Data.Analysis;

        public static class Bench
        {
            public static DataFrame Gross(DataFrame frame)
            {
                var gross = frame.Columns["amount"].Multiply(1.2m);
                gross.SetName("gross");
                frame.Columns.Add(gross);
                return frame;
            }
        }
        """);
    var transform = LibraryTransform.Resolve($"{library}:Bench.Gross");

    async Task<TimeSpan> Local(string to)
    {
        var clock = Stopwatch.StartNew();
        var load = await new TableLoader(catalog).LoadAsync("bench.orders");
        await new FrameWriter(catalog).WriteAsync(transform.Apply(load.Frame), new WriteOptions { Path = to, PartitionBy = ["dt"], Mode = WriteMode.Append, CatalogTable = TableFor(to) });
        return clock.Elapsed;
    }

    async Task<(TimeSpan Time, int Retried)> OnCluster(string to, Func<Func<string>, Task>? during = null)
    {
        var progress = new StringWriter();
        var clock = Stopwatch.StartNew();
        var job = new DistributedJob(session, TextWriter.Synchronized(progress)).RunAsync(
            catalog, new ClusterJobOptions("bench.orders", $"{library}:Bench.Gross", to) { PartitionBy = ["dt"], Table = TableFor(to) });
        if (during is not null)
        {
            await during(() => progress.ToString());
        }

        var result = await job;
        if (result.Written!.Rows != rows)
        {
            throw new InvalidOperationException($"The job wrote {result.Written.Rows} rows of {rows}.");
        }

        return (clock.Elapsed, result.Tasks.Count(t => t.Attempt > 1));
    }

    // Warm up both (library builds, first activations), then measure each three times, alternating; keep the best.
    await Local(Path.Combine(work, "warm-local"));
    await OnCluster(Path.Combine(work, "warm-cluster"));
    var local = new List<TimeSpan>();
    var cluster = new List<TimeSpan>();
    for (var i = 0; i < 3; i++)
    {
        local.Add(await Local(Path.Combine(work, $"local-{i}")));
        cluster.Add((await OnCluster(Path.Combine(work, $"cluster-{i}"))).Time);
    }

    report.AppendLine(CultureInfo.InvariantCulture, $"## Job: {partitions} partitions, {rows} rows, 3 workers on loopback");
    report.AppendLine();
    report.AppendLine("| run | best of 3 | all |");
    report.AppendLine("| --- | --- | --- |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| one process (load, transform, write) | {Seconds(local.Min())} | {string.Join(", ", local.Select(Seconds))} |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| 3 workers ({partitions} tasks, commit once) | {Seconds(cluster.Min())} | {string.Join(", ", cluster.Select(Seconds))} |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| ratio cluster / one process | {cluster.Min() / local.Min():0.00}x | |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| per task on the cluster (wall time / tasks x 3 workers) | {cluster.Min().TotalMilliseconds * 3 / partitions:0} ms | |");

    // A worker killed midway (half the best time): its tasks run again elsewhere.
    var victim = workers[^1];
    var noticed = TimeSpan.Zero;
    var killedRun = await OnCluster(Path.Combine(work, "cluster-kill"), async progress =>
    {
        await Task.Delay(cluster.Min() / 2);
        victim.Process.Kill();
        var since = Stopwatch.StartNew();
        while (!progress().Contains("is gone; sending it to another worker", StringComparison.Ordinal) && since.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(10);
        }

        noticed = since.Elapsed;
    });
    report.AppendLine(CultureInfo.InvariantCulture, $"| 3 workers, one killed midway (half the best time) ({killedRun.Retried} tasks retried, the first {Seconds(noticed)} after the kill) | {Seconds(killedRun.Time)} | ratio {killedRun.Time / local.Min():0.00}x |");
    report.AppendLine();

    // The crawl: the same lake, local and distributed, into two catalogs.
    var crawlLake = Path.Combine(work, "crawl");
    WriteFiles(crawlLake, crawlFiles);
    var clock = Stopwatch.StartNew();
    await new Crawler(DataCatalog.Open(Path.Combine(work, "crawl-local.db"))).CrawlAsync(new CrawlOptions { Path = crawlLake, Database = "crawl" });
    var localCrawl = clock.Elapsed;
    clock.Restart();
    await new DistributedCrawl(session, TextWriter.Null).RunAsync(DataCatalog.Open(Path.Combine(work, "crawl-cluster.db")), new CrawlOptions { Path = crawlLake, Database = "crawl" });
    var clusterCrawl = clock.Elapsed;
    report.AppendLine(CultureInfo.InvariantCulture, $"## Crawl: {crawlFiles} files in {crawlFiles / 10} folders (2 workers left)");
    report.AppendLine();
    report.AppendLine("| run | time |");
    report.AppendLine("| --- | --- |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| one process | {Seconds(localCrawl)} |");
    report.AppendLine(CultureInfo.InvariantCulture, $"| cluster (classification on the workers, one commit here) | {Seconds(clusterCrawl)} |");
    Console.WriteLine(report);
    var results = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "results", $"cluster-{Environment.MachineName}.md");
    File.WriteAllText(results, $"# Cluster overhead ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)\n\n{report}");
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException e)
    {
        // A worker still writing (an attempt sent again while the first ran on): say so, without hiding the run's own error.
        Console.Error.WriteLine($"Could not delete {work}: {e.Message}");
    }
}

return 0;

static string TableFor(string folder) => $"bench.{Path.GetFileName(folder).Replace('-', '_')}";

static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s");

static int WriteOrders(string lake, int partitions, int rowsPerPartition)
{
    var id = 0;
    for (var p = 0; p < partitions; p++)
    {
        var folder = Path.Combine(lake, "orders", $"dt={p:D4}");
        Directory.CreateDirectory(folder);
        var text = new StringBuilder("id,item,amount\n");
        for (var row = 0; row < rowsPerPartition; row++, id++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id},item{id % 13},{id % 1000}.25\n");
        }

        File.WriteAllText(Path.Combine(folder, "part-0.csv"), text.ToString());
    }

    return id;
}

static void WriteFiles(string lake, int files)
{
    for (var f = 0; f < files; f++)
    {
        var folder = Path.Combine(lake, "events", $"day={f / 10:D4}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"part-{f % 10}.csv"), $"id,kind,value\n{f},k{f % 3},{f * 0.5}\n");
    }
}
