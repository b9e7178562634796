using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    private ObjectStore OpenStore(CrawlOptions options) =>
        ObjectStoreConnections.Open(catalog, options.Connection, options.Path);

    /// <summary>An <c>s3://bucket/prefix</c> include path without its trailing slashes (the bucket itself when no prefix).</summary>
    private static string ValidateObjectRoot(string path)
    {
        var parsed = S3Path.Parse(path);
        return new S3Path(parsed.Bucket, parsed.Key.TrimEnd('/')).ToString().TrimEnd('/');
    }

    /// <summary>
    /// Lists the objects under an <c>s3://</c> include path, page by page, as the files of a crawl: keys are folders split
    /// at slashes; a folder that is a table format's table root (<c>_delta_log/</c>, <c>metadata/</c>, <c>.hoodie/</c>)
    /// goes to <paramref name="tableRoots"/> with every object below it; hidden and marker objects, excluded ones and
    /// empty ones are left out as in a folder. Folder markers (keys ending with a slash) are not files.
    /// </summary>
    private static async Task<(FileSource Source, List<FoundFile> Files, int Excluded)> WalkObjectsAsync(
        ObjectStore store,
        TableStorage storage,
        string root,
        List<Glob> exclusions,
        List<SkippedFile> skipped,
        List<TableRoot> tableRoots,
        CancellationToken cancellationToken)
    {
        var prefix = S3Path.Parse(root + "/");
        var source = new ObjectStoreFiles(store);
        var objects = new List<StoredObject>();
        await foreach (var stored in store.ListAsync(prefix, cancellationToken: cancellationToken))
        {
            objects.Add(stored);
        }

        var listing = ListOutsideTableRoots(objects, prefix.FolderPrefix, root, exclusions, skipped, tableRoots, storage, source);
        var files = listing.Files;
        if (files.Count == 0 && listing.Excluded == 0 && skipped.Count == 0 && tableRoots.Count == 0)
        {
            throw NoObjects(store, root);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (source, files, listing.Excluded);
    }

    /// <summary>
    /// The table roots among <paramref name="objects"/> (keys below <paramref name="rootPrefix"/>) go to
    /// <paramref name="tableRoots"/>; every object outside them goes through an <see cref="ObjectListing"/>. One pass over
    /// the objects: each key's folders are looked up among the roots' paths.
    /// </summary>
    internal static ObjectListing ListOutsideTableRoots(
        List<StoredObject> objects,
        string rootPrefix,
        string root,
        List<Glob> exclusions,
        List<SkippedFile> skipped,
        List<TableRoot> tableRoots,
        TableStorage storage,
        ObjectStoreFiles source)
    {
        var found = FindTableRoots(objects.Select(o => o.Path.Key[rootPrefix.Length..]), root, exclusions, storage);
        tableRoots.AddRange(found);
        var inRoots = found.Select(r => r.RelativePath).ToHashSet(StringComparer.Ordinal);
        var listing = new ObjectListing(rootPrefix, exclusions, skipped);
        foreach (var stored in objects)
        {
            if (!IsInside(stored.Path.Key.AsSpan(rootPrefix.Length), inRoots))
            {
                listing.Add(stored, source);
            }
        }

        return listing;
    }

    /// <summary>
    /// Whether <paramref name="path"/> (slash-separated, below the include path) is inside one of the folders of
    /// <paramref name="folders"/> (paths below the include path; empty for the include path itself).
    /// </summary>
    private static bool IsInside(ReadOnlySpan<char> path, HashSet<string> folders)
    {
        if (folders.Count == 0)
        {
            return false;
        }

        var lookup = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains([]))
        {
            return true;
        }

        var end = 0;
        while (path[end..].IndexOf('/') is var next and >= 0)
        {
            end += next;
            if (lookup.Contains(path[..end]))
            {
                return true;
            }

            end++;
        }

        return false;
    }

    /// <summary>
    /// The files of a crawl found among listed objects: keys are folders split at slashes (below <paramref name="rootPrefix"/>);
    /// hidden and marker objects, excluded ones and empty ones are left out as in a folder.
    /// </summary>
    internal sealed class ObjectListing(string rootPrefix, List<Glob> exclusions, List<SkippedFile> skipped)
    {
        public List<FoundFile> Files { get; } = [];

        public int Excluded { get; private set; }

        public void Add(StoredObject stored, ObjectStoreFiles source)
        {
            var path = stored.Path.Key[rootPrefix.Length..];
            var segments = path.Split('/');
            if (segments.Any(s => s.Length == 0))
            {
                skipped.Add(new SkippedFile(path, "its key has an empty folder name (two slashes in a row): it cannot be told apart from its neighbours as a folder path"));
            }
            else if (IsExcluded(segments, segments.Length, exclusions))
            {
                Excluded++;
            }
            else if (segments.Any(s => s.StartsWith('.') || s.StartsWith('_')))
            {
                skipped.Add(new SkippedFile(path, HiddenFileReason));
            }
            else if (stored.Size == 0)
            {
                skipped.Add(new SkippedFile(path, "the file is empty."));
            }
            else
            {
                source.Listed(stored);
                Files.Add(new FoundFile(stored.Path.ToString(), path, segments[..^1], stored.Size));
            }
        }
    }

    /// <summary>
    /// The table roots among the folders the keys make (relative paths below the include path), outermost first, as a
    /// walk of a local folder finds them: a folder's entries are its objects' and sub-folders' names (sub-folders with a
    /// trailing slash); a folder that is excluded, or inside a root, is not one.
    /// </summary>
    private static List<TableRoot> FindTableRoots(IEnumerable<string> keys, string root, List<Glob> exclusions, TableStorage storage)
    {
        var entries = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var segments in keys.Select(k => k.Split('/')).Where(s => s.All(part => part.Length > 0)))
        {
            for (var depth = 0; depth < segments.Length; depth++)
            {
                var folder = string.Join('/', segments[..depth]);
                if (!entries.TryGetValue(folder, out var names))
                {
                    entries[folder] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(depth < segments.Length - 1 ? segments[depth] + "/" : segments[depth]);
            }
        }

        var roots = new List<TableRoot>();
        var inRoots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, names) in entries.OrderBy(e => e.Key.Length == 0 ? 0 : e.Key.Count(c => c == '/') + 1).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var segments = folder.Length == 0 ? [] : folder.Split('/');
            var full = folder.Length == 0 ? root : TableStorage.Combine(root, folder);
            if (!IsInside(folder, inRoots)
                && !IsExcluded(segments, segments.Length, exclusions)
                && TableFormats.Root(full, names, storage) is { } format)
            {
                roots.Add(new TableRoot(full, folder, format));
                inRoots.Add(folder);
            }
        }

        return roots;
    }

    /// <summary>Whether a path, or a folder holding it, of its first <paramref name="count"/> segments matches an exclusion.</summary>
    private static bool IsExcluded(string[] segments, int count, List<Glob> exclusions) =>
        Enumerable.Range(1, count).Any(n => exclusions.Any(g => g.Matches(string.Join('/', segments[..n]))));
}
