using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Cluster;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;

namespace DevEndpoint.ClusterBench;

/// <summary>
/// <c>limits [objects=100000,300000,1000000]</c>: the coordinator's side of a crawl by 100 simulated workers, in this
/// process. The lake's partition folders exist (the coordinator walks the top levels for real); the 400 shares' answers
/// (one summary per folder, 10 files of one schema each) are made here, written as the JSON a worker sends and read
/// back as the coordinator reads it; then the crawler plans and commits as in a real crawl. Then the dispatch of many
/// near-empty tasks across 3 loopback workers: the cost of a task's messages (start, polls) in the coordinator.
/// </summary>
internal static class CoordinatorLimits
{
    private const int SimulatedWorkers = 100;
    private const int TasksPerWorker = 4;
    private const int FilesPerFolder = 10;

    public static async Task<string> RunAsync(IReadOnlyList<int> objectCounts, string work)
    {
        var sample = Path.Combine(work, "sample.csv");
        Directory.CreateDirectory(work);
        File.WriteAllText(sample, "id,kind,value\n1,k1,0.5\n");
        var schema = (await Crawler.ClassifyFileAsync(FileSource.Local, sample, new SampleOptions(), [], CancellationToken.None)).Schema!;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## The coordinator with {SimulatedWorkers} simulated workers ({SimulatedWorkers * TasksPerWorker} listing tasks), {FilesPerFolder} files per partition folder");
        report.AppendLine();
        report.AppendLine("| objects | partitions | top-level walk + decode + plan + commit | of which JSON decode | messages in (JSON) | catalog after | peak memory |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var objects in objectCounts)
        {
            var partitions = objects / FilesPerFolder;
            var root = Path.Combine(work, $"limits-{objects}");
            for (var p = 0; p < partitions; p++)
            {
                Directory.CreateDirectory(Path.Combine(root, "events", $"day={p:D7}"));
            }

            var (bytes, encode, decode) = (0L, TimeSpan.Zero, TimeSpan.Zero);
            var catalogPath = Path.Combine(work, $"limits-{objects}.db");
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var result = await new Crawler(DataCatalog.Open(catalogPath)).CrawlAsync(new CrawlOptions
            {
                Path = root,
                Database = "limits",
                ListingShares = SimulatedWorkers * TasksPerWorker,
                Listing = (request, _) =>
                {
                    var encoding = Stopwatch.StartNew();
                    var json = CrawlTasks.Split(request.Subtrees, SimulatedWorkers * TasksPerWorker).Select(s => ClusterJson.Write(Share(s, schema))).ToList();
                    encode = encoding.Elapsed;
                    bytes = json.Sum(j => (long)Encoding.UTF8.GetByteCount(j));
                    var decoding = Stopwatch.StartNew();
                    IReadOnlyList<CrawlShare> read = json.ConvertAll(ClusterJson.Read<CrawlShare>);
                    decode = decoding.Elapsed;
                    return Task.FromResult(read);
                },
                Classification = (_, _) => throw new InvalidOperationException("Every file was read on a (simulated) worker."),
            });
            var coordinator = clock.Elapsed - encode;
            if (result.Run.FilesListed != objects || result.Tables.Sum(t => t.Partitions) != partitions)
            {
                throw new InvalidOperationException($"The crawl listed {result.Run.FilesListed} files in {result.Tables.Sum(t => t.Partitions)} partitions.");
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {objects:N0} | {partitions:N0} | {BigCrawl.Seconds(coordinator)} | {BigCrawl.Seconds(decode)} | {bytes / 1e6:0.0} MB ({bytes / objects} B per object) | {new FileInfo(catalogPath).Length / 1e6:0} MB | {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:0.00} GB |");
            Directory.Delete(root, recursive: true);
            File.Delete(catalogPath);
        }

        return report.ToString();
    }

    /// <summary>Tasks of the listing kind with no folder to list, on 3 loopback workers: what one task's messages cost.</summary>
    public static async Task<string> DispatchAsync(IReadOnlyList<int> taskCounts, string work)
    {
        using var workers = new BenchWorkers("bigcrawl_dispatch");
        foreach (var name in new[] { "w1", "w2", "w3" })
        {
            workers.Start(name);
        }

        await using var session = await ClusterSession.ConnectAsync(workers.Database);
        while ((await session.WorkersAsync()).Count < 3)
        {
            await Task.Delay(200);
        }

        var empty = ClusterJson.Write(new CrawlShareRequest(work, [], [], new SampleOptions(), null, [], null));
        var report = new StringBuilder();
        report.AppendLine("## Dispatch: near-empty listing tasks on 3 loopback workers (start, polls every 200 ms, result)");
        report.AppendLine();
        report.AppendLine("| tasks | time | tasks per second |");
        report.AppendLine("| --- | --- | --- |");
        var run = 0;
        foreach (var tasks in taskCounts)
        {
            var clock = Stopwatch.StartNew();
            await new TaskDispatcher(session.Client, TextWriter.Null).RunAsync($"dispatch-{++run}-{Guid.NewGuid():N}", "list", TaskKinds.List, tasks, (_, _) => empty);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {tasks:N0} | {BigCrawl.Seconds(clock.Elapsed)} | {tasks / clock.Elapsed.TotalSeconds:0} |");
        }

        return report.ToString();
    }

    private static CrawlShare Share(List<CrawlSubtree> subtrees, FileSchema schema)
    {
        var shape = schema with { RecordCount = 0, AverageRecordSize = 0, SizeBytes = 0 };
        var indexes = Enumerable.Range(0, FilesPerFolder).ToList();
        return new CrawlShare(
            subtrees.ConvertAll(s => new FolderSummary(
                s.RelativePath,
                indexes.ConvertAll(i => $"part-{i:D5}.csv"),
                indexes.ConvertAll(_ => schema.SizeBytes),
                [new SchemaGroup(shape, indexes, indexes.ConvertAll(_ => schema.RecordCount), indexes.ConvertAll(_ => schema.AverageRecordSize), indexes.ConvertAll(_ => schema.SizeBytes))],
                [])),
            [],
            0,
            []);
    }
}
