using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Cluster;

/// <summary>
/// A crawl task: files to classify (full paths in a shared folder or <c>s3://</c> paths), the sample to read, the custom
/// classifiers to try and, for an object store, its connection (no secret: each worker finds the keys itself).
/// </summary>
internal sealed record CrawlTaskRequest(IReadOnlyList<string> Paths, SampleOptions Sample, IReadOnlyList<CustomClassifier> Classifiers, Connection? Connection = null);

/// <summary>The crawl's share of the work on a worker, and how the coordinator splits a crawl's files into tasks.</summary>
internal static class CrawlTasks
{
    /// <summary>Classifies the request's files as a local crawl does; returns their classifications (JSON), in order.</summary>
    public static async Task<string> RunAsync(string requestJson)
    {
        var request = ClusterJson.Read<CrawlTaskRequest>(requestJson);
        var custom = request.Classifiers.Select(c => c.ToClassifier()).ToList();
        using var store = request.Connection is { } connection ? ObjectStoreConnections.Open(connection) : null;
        FileSource source = store is null ? FileSource.Local : new ObjectStoreFiles(store);
        var results = new FileClassification[request.Paths.Count];
        await Parallel.ForAsync(0, results.Length, async (i, ct) =>
            results[i] = await Crawler.ClassifyFileAsync(source, request.Paths[i], request.Sample, custom, ct));
        return ClusterJson.Write(results);
    }

    /// <summary>Lists and classifies the request's subtrees (a share of the listing); returns the per-folder summaries (JSON).</summary>
    public static async Task<string> ListAsync(string requestJson) =>
        ClusterJson.Write(await Crawler.ListShareAsync(ClusterJson.Read<CrawlShareRequest>(requestJson)));

    /// <summary>Splits the listing's subtrees into about <paramref name="tasks"/> shares of as many subtrees each, in order.</summary>
    public static List<List<CrawlSubtree>> Split(IReadOnlyList<CrawlSubtree> subtrees, int tasks)
    {
        var all = subtrees.ToList();
        var count = Math.Clamp(tasks, 1, Math.Max(1, all.Count));
        return Enumerable.Range(0, count)
            .Select(i => (Start: (int)((long)i * all.Count / count), End: (int)((long)(i + 1) * all.Count / count)))
            .Where(range => range.End > range.Start)
            .Select(range => all.GetRange(range.Start, range.End - range.Start))
            .ToList();
    }

    /// <summary>
    /// Splits files by folder into about <paramref name="tasks"/> tasks of similar size: a folder's files stay together
    /// (a folder is listed and classified on one worker), in path order.
    /// </summary>
    public static List<List<string>> Split(IReadOnlyList<string> paths, int tasks)
    {
        var folders = paths.GroupBy(p => Path.GetDirectoryName(p) ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var perTask = Math.Max(1, (paths.Count + tasks - 1) / Math.Max(1, tasks));
        var shares = new List<List<string>>();
        var current = new List<string>();
        foreach (var folder in folders)
        {
            current.AddRange(folder.Order(StringComparer.Ordinal));
            if (current.Count >= perTask)
            {
                shares.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            shares.Add(current);
        }

        return shares;
    }
}
