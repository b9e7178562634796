using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Cluster;

/// <summary>
/// <c>crawl ... --cluster</c>: this process walks the include path's top levels and commits; the workers list and
/// classify the subtrees below (shares of folders, as tasks) and return a summary per folder; files of the top levels, and
/// files a first sample left unread, are classified on the workers too. The tables are planned and committed by the
/// crawler's own code, in one commit, so the catalog ends as a local crawl of the same folder or prefix leaves it.
/// </summary>
internal sealed class DistributedCrawl(ClusterSession session, TextWriter progress)
{
    /// <summary>Tasks per worker: more than one, so a lost worker's share is small and the others' idle time short.</summary>
    public int TasksPerWorker { get; init; } = 4;

    public async Task<CrawlResult> RunAsync(DataCatalog catalog, CrawlOptions options, CancellationToken cancellationToken = default)
    {
        var classifiers = options.Classifiers.Select(catalog.GetClassifier).ToList();
        var connection = options.Connection is { } name ? catalog.GetConnection(name) : null;
        var run = NewRunId();
        var calls = 0;
        var dispatcher = new TaskDispatcher(session.Client, progress) { Deaths = session.Deaths };
        var distributed = options with
        {
            ListingShares = (await session.WorkersAsync()).Count * TasksPerWorker,
            Listing = async (request, ct) =>
            {
                var workers = await session.WorkersAsync();
                var shares = CrawlTasks.Split(request.Subtrees, workers.Count * TasksPerWorker);
                progress.WriteLine($"Crawl on the cluster: {request.Subtrees.Count} folders to list in {shares.Count} tasks on {workers.Count} workers ({string.Join(", ", workers)})");
                var outcomes = await dispatcher.RunAsync(
                    string.Create(CultureInfo.InvariantCulture, $"{run}-{++calls}"),
                    "crawl",
                    TaskKinds.List,
                    shares.Count,
                    (i, _) => ClusterJson.Write(request with { Subtrees = shares[i] }),
                    ct);
                return outcomes.Select(o => ClusterJson.Read<CrawlShare>(o.ResultJson)).ToList();
            },
            Classification = async (paths, ct) =>
            {
                var workers = await session.WorkersAsync();
                var shares = CrawlTasks.Split(paths, workers.Count * TasksPerWorker);
                progress.WriteLine($"Crawl on the cluster: {paths.Count} files to read in {shares.Count} tasks on {workers.Count} workers ({string.Join(", ", workers)})");
                var outcomes = await dispatcher.RunAsync(
                    string.Create(CultureInfo.InvariantCulture, $"{run}-{++calls}"),
                    "crawl",
                    TaskKinds.Crawl,
                    shares.Count,
                    (i, _) => ClusterJson.Write(new CrawlTaskRequest(shares[i], options.Sample, classifiers, connection)),
                    ct);
                var found = new Dictionary<string, FileClassification>(StringComparer.Ordinal);
                for (var i = 0; i < shares.Count; i++)
                {
                    foreach (var (path, classification) in shares[i].Zip(ClusterJson.Read<List<FileClassification>>(outcomes[i].ResultJson)))
                    {
                        found[path] = classification;
                    }
                }

                return paths.Select(p => found[p]).ToList();
            },
        };
        return await new Crawler(catalog).CrawlAsync(distributed, null, cancellationToken);
    }

    public static string NewRunId() => $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}";
}
