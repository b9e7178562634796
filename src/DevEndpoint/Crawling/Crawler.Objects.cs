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
    /// at slashes; hidden and marker objects, excluded ones and empty ones are left out as in a folder. Folder markers
    /// (keys ending with a slash) are not files.
    /// </summary>
    private static async Task<(FileSource Source, List<FoundFile> Files, int Excluded)> WalkObjectsAsync(
        ObjectStore store, string root, List<Glob> exclusions, List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        var prefix = S3Path.Parse(root + "/");
        var source = new ObjectStoreFiles(store);
        var listing = new ObjectListing(prefix.FolderPrefix, exclusions, skipped);
        await foreach (var stored in store.ListAsync(prefix, cancellationToken: cancellationToken))
        {
            listing.Add(stored, source);
        }

        var (files, excluded) = (listing.Files, listing.Excluded);
        if (files.Count == 0 && excluded == 0 && skipped.Count == 0)
        {
            throw NoObjects(store, root);
        }

        files = LeaveOutTableRoots(files, skipped);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (source, files, excluded);
    }

    /// <summary>
    /// The files of a crawl found among listed objects: keys are folders split at slashes (below <paramref name="rootPrefix"/>);
    /// hidden and marker objects, excluded ones and empty ones are left out as in a folder.
    /// </summary>
    private sealed class ObjectListing(string rootPrefix, List<Glob> exclusions, List<SkippedFile> skipped)
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
            else if (Enumerable.Range(1, segments.Length).Any(n => exclusions.Any(g => g.Matches(string.Join('/', segments[..n])))))
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
    /// Leaves out the objects of Delta tables (folders with a <c>_delta_log/</c>), which are not read from object stores
    /// yet: their data files alone would bring back removed files and deleted rows. Each root is reported once.
    /// </summary>
    private static List<FoundFile> LeaveOutTableRoots(List<FoundFile> files, List<SkippedFile> skipped)
    {
        var roots = skipped.Select(s => s.Path.Split('/'))
            .Select(segments => Array.IndexOf(segments, "_delta_log"))
            .Zip(skipped, (index, s) => index < 0 ? null : string.Join('/', s.Path.Split('/')[..index]))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var root in roots)
        {
            skipped.Add(new SkippedFile(
                root + "/",
                "a Delta table (it has _delta_log/): DevEndpoint reads Delta tables from local folders so far, so it is not catalogued. Copy the table's folder to a local disk and crawl it there."));
        }

        return files.FindAll(f => !roots.Any(r => r.Length == 0 || f.RelativePath.StartsWith(r + "/", StringComparison.Ordinal)));
    }
}
