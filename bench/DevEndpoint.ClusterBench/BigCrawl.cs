using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Cluster;
using DevEndpoint.Crawling;

namespace DevEndpoint.ClusterBench;

/// <summary>
/// <c>crawl [files=100000]</c>: a lake of tiny CSV files (20 tables, 10 files per partition) crawled in one process, then
/// across 1, 2 and 3 loopback workers (started one by one), each into a catalog of its own; the catalogs must agree.
/// </summary>
internal static class BigCrawl
{
    private const int Tables = 20;
    private const int FilesPerPartition = 10;

    public static async Task<string> RunAsync(int files, string work)
    {
        var lake = Path.Combine(work, "lake");
        var clock = Stopwatch.StartNew();
        files = WriteLake(lake, files);
        var written = clock.Elapsed;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Crawl: {files:N0} files ({Tables} tables of {files / Tables / FilesPerPartition} partitions of {FilesPerPartition} files; written in {Seconds(written)})");
        report.AppendLine();
        report.AppendLine("| run | time | ratio to one process | tables / partitions / files listed |");
        report.AppendLine("| --- | --- | --- | --- |");
        var options = new CrawlOptions { Path = lake, Database = "big" };
        clock.Restart();
        var local = await new Crawler(DataCatalog.Open(Path.Combine(work, "local.db"))).CrawlAsync(options);
        var alone = clock.Elapsed;
        report.AppendLine(CultureInfo.InvariantCulture, $"| one process | {Seconds(alone)} | 1.00x | {Describe(local)} |");
        Console.Error.WriteLine(report);
        using var workers = new BenchWorkers("bigcrawl_crawl");
        workers.Start("w1");
        await using var session = await ClusterSession.ConnectAsync(workers.Database);
        for (var count = 1; count <= 3; count++)
        {
            if (count > 1)
            {
                workers.Start($"w{count}");
            }

            while ((await session.WorkersAsync()).Count < count)
            {
                await Task.Delay(200);
            }

            var progress = new StringWriter();
            clock.Restart();
            var result = await new DistributedCrawl(session, TextWriter.Synchronized(progress))
                .RunAsync(DataCatalog.Open(Path.Combine(work, $"cluster-{count}.db")), options);
            var time = clock.Elapsed;
            if (Describe(result) != Describe(local))
            {
                throw new InvalidOperationException($"The crawl on {count} workers found {Describe(result)}, one process {Describe(local)}.");
            }

            var tasks = progress.ToString().Split('\n').Count(l => l.Contains(" done on ", StringComparison.Ordinal));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {count} worker(s), {tasks} tasks | {Seconds(time)} | {time / alone:0.00}x | {Describe(result)} |");
            Console.Error.WriteLine(report);
        }

        return report.ToString();
    }

    private static string Describe(CrawlResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Tables.Count} / {result.Tables.Sum(t => t.Partitions)} / {result.Run.FilesListed}");

    /// <summary>Writes the lake (both cores); returns the number of files.</summary>
    private static int WriteLake(string lake, int files)
    {
        var partitions = Math.Max(1, files / Tables / FilesPerPartition);
        Parallel.For(0, Tables * partitions, i =>
        {
            var (table, partition) = (i / partitions, i % partitions);
            var folder = Path.Combine(lake, $"t{table:D2}", $"dt={partition:D5}");
            Directory.CreateDirectory(folder);
            for (var f = 0; f < FilesPerPartition; f++)
            {
                File.WriteAllText(Path.Combine(folder, $"part-{f}.csv"), string.Create(CultureInfo.InvariantCulture, $"id,kind,value\n{i * FilesPerPartition + f},k{f % 3},{f}.5\n"));
            }
        });
        return Tables * partitions * FilesPerPartition;
    }

    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.00} s");
}
