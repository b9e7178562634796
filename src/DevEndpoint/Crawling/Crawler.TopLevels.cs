using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

/// <summary>
/// The coordinator's walk of the top levels of a distributed crawl's include path (<see cref="CrawlOptions.Listing"/>):
/// level by level, each folder listed once, down to the level whose folders it hands to the workers.
/// </summary>
public sealed partial class Crawler
{
    /// <summary>The deepest level the top-level walk goes down to looking for folders to share.</summary>
    private const int MaxTopDepth = 8;

    /// <summary>
    /// Walks a folder's top levels, down to the first level with at least <paramref name="shares"/> folders or with only
    /// partition folders (<c>key=value</c>), and not deeper than a level that gives no more folders than the one above.
    /// Each level walks only the folders the level above left, so every folder is listed once.
    /// </summary>
    private static TopLevels WalkTop(string root, List<Glob> exclusions, int shares)
    {
        var skipped = new List<SkippedFile>();
        var walk = new FileWalk(root, exclusions, skipped) { MaxDepth = 0 };
        walk.Run();
        var level = new TopLevels(walk.Files, skipped, walk.Excluded, walk.TableRoots, walk.Frontier);
        TopLevels? chosen = null;
        for (var depth = 1; !Deeper(ref chosen, level, shares) && depth < MaxTopDepth; depth++)
        {
            var below = new List<SkippedFile>();
            var next = new FileWalk(root, exclusions, below) { MaxDepth = depth };
            foreach (var subtree in level.Frontier)
            {
                next.RunFrom(subtree);
            }

            level = level.Below(next.Files, below, next.Excluded, next.TableRoots, next.Frontier);
        }

        // In the order a walk of the whole tree meets them: segment by segment, each in ordinal order.
        chosen!.TableRoots.Sort((a, b) => SegmentOrder.Instance.Compare(a.RelativePath.Split('/'), b.RelativePath.Split('/')));
        return chosen;
    }

    /// <summary>
    /// As <see cref="WalkTop"/>, for an object store: one delimited listing per "folder" of the top levels, each folder
    /// listed once; table roots are told with <paramref name="storage"/>, the crawl's one storage of the store.
    /// </summary>
    internal static async Task<TopLevels> WalkTopObjectsAsync(
        ObjectStoreFiles source, TableStorage storage, string root, List<Glob> exclusions, int shares, CancellationToken cancellationToken)
    {
        var prefix = S3Path.Parse(root + "/");
        var level = new TopLevels([], [], 0, [], []);
        var folders = new List<string> { prefix.FolderPrefix };
        TopLevels? chosen = null;
        for (var depth = 0; depth < MaxTopDepth; depth++)
        {
            var skipped = new List<SkippedFile>();
            var listing = new ObjectListing(prefix.FolderPrefix, exclusions, skipped);
            var tableRoots = new List<TableRoot>();
            var frontier = new List<CrawlSubtree>();
            foreach (var folder in folders)
            {
                await ListLevelAsync(source, storage, root, prefix, folder, listing, tableRoots, frontier, cancellationToken);
            }

            level = level.Below(listing.Files, skipped, listing.Excluded, tableRoots, frontier);
            if (Deeper(ref chosen, level, shares))
            {
                break;
            }

            folders = frontier.ConvertAll(f => $"{prefix.FolderPrefix}{f.RelativePath}/");
        }

        // In key order, as a listing of the whole prefix meets them.
        chosen!.TableRoots.Sort((a, b) => string.CompareOrdinal(a.RelativePath + "/", b.RelativePath + "/"));
        return chosen;
    }

    /// <summary>
    /// Lists the folder at <paramref name="key"/>: a table format's table root goes to <paramref name="tableRoots"/>;
    /// otherwise its objects go to <paramref name="listing"/> and its sub-folders to <paramref name="frontier"/>.
    /// </summary>
    private static async Task ListLevelAsync(
        ObjectStoreFiles source,
        TableStorage storage,
        string root,
        S3Path prefix,
        string key,
        ObjectListing listing,
        List<TableRoot> tableRoots,
        List<CrawlSubtree> frontier,
        CancellationToken cancellationToken)
    {
        var rootLength = prefix.FolderPrefix.Length;
        var (objects, folders) = await source.Store.ListLevelAsync(new S3Path(prefix.Bucket, key), cancellationToken);
        var relative = key[rootLength..].TrimEnd('/');
        var full = relative.Length == 0 ? root : TableStorage.Combine(root, relative);
        var entries = objects.Select(o => o.Path.Key[key.Length..]).Concat(folders.Select(f => f[key.Length..])).ToList();
        if (TableFormats.Root(full, entries, storage) is { } format)
        {
            tableRoots.Add(new TableRoot(full, relative, format));
            return;
        }

        foreach (var stored in objects)
        {
            listing.Add(stored, source);
        }

        frontier.AddRange(folders.Select(f => new CrawlSubtree(f[rootLength..^1], string.Empty, false)));
    }

    /// <summary>Keeps <paramref name="level"/> when it shares more folders than the level above; says whether to stop going down.</summary>
    private static bool Deeper(ref TopLevels? chosen, TopLevels level, int shares)
    {
        if (chosen is not null && level.Frontier.Count <= chosen.Frontier.Count)
        {
            return true;
        }

        chosen = level;
        return level.Frontier.Count >= shares
            || level.Frontier.Count == 0
            || level.Frontier.All(f => IsHivePartition(f.RelativePath[(f.RelativePath.LastIndexOf('/') + 1)..]));
    }

    /// <summary>What the coordinator's walk of the top levels found, and the folders it leaves to the workers.</summary>
    internal sealed record TopLevels(List<FoundFile> Files, List<SkippedFile> Skipped, int Excluded, List<TableRoot> TableRoots, List<CrawlSubtree> Frontier)
    {
        /// <summary>These levels and the one below them: what this walk found and what the walk of its frontier found.</summary>
        public TopLevels Below(List<FoundFile> files, List<SkippedFile> skipped, int excluded, List<TableRoot> tableRoots, List<CrawlSubtree> frontier) =>
            new([.. Files, .. files], [.. Skipped, .. skipped], Excluded + excluded, [.. TableRoots, .. tableRoots], frontier);
    }

    /// <summary>Paths in the order a folder walk meets them: segment by segment, each in ordinal order.</summary>
    private sealed class SegmentOrder : IComparer<string[]>
    {
        public static SegmentOrder Instance { get; } = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (string.CompareOrdinal(x[i], y[i]) is var order && order != 0)
                {
                    return order;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
