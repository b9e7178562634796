using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

/// <summary>
/// A listing split across the workers of a distributed crawl (<see cref="CrawlOptions.Listing"/>): this process walks only
/// the top levels of the include path, the workers list and classify the subtrees below and return one summary per folder,
/// and the crawl goes on here from the files and schemas they found, as if it had listed and read them itself.
/// </summary>
public sealed partial class Crawler
{
    /// <summary>
    /// On a worker: lists the request's subtrees and reads the files of its sample as a local crawl does; returns them
    /// summarized per folder.
    /// </summary>
    internal static async Task<CrawlShare> ListShareAsync(CrawlShareRequest request, CancellationToken cancellationToken = default)
    {
        var exclusions = request.Exclusions.Select(p => new Glob(p)).ToList();
        var custom = request.Classifiers.Select(c => c.ToClassifier()).ToList();
        var skipped = new List<SkippedFile>();
        var roots = new List<FoundTableRoot>();
        using var store = S3Path.IsS3(request.Root)
            ? ObjectStoreConnections.Open(request.Connection ?? throw new DevEndpointException(
                $"{request.Root} is in an object store: name the s3 connection to reach it with --connection <name>."))
            : null;
        FileSource source;
        List<FoundFile> files;
        int excluded;
        if (store is null)
        {
            var walk = new FileWalk(request.Root, exclusions, skipped);
            foreach (var subtree in request.Subtrees)
            {
                walk.RunFrom(subtree);
            }

            (source, files, excluded) = (FileSource.Local, walk.Files, walk.Excluded);
            roots.AddRange(walk.TableRoots.Select(r => new FoundTableRoot(r.RelativePath, r.Format.Classification)));
        }
        else
        {
            var objects = new ObjectStoreFiles(store);
            var prefix = S3Path.Parse(request.Root + "/");
            var listed = new List<StoredObject>();
            foreach (var subtree in request.Subtrees)
            {
                await foreach (var stored in store.ListAsync(new S3Path(prefix.Bucket, prefix.FolderPrefix + subtree.RelativePath + "/"), cancellationToken: cancellationToken))
                {
                    listed.Add(stored);
                }
            }

            var inShare = new List<TableRoot>();
            var listing = ListOutsideTableRoots(listed, prefix.FolderPrefix, request.Root, exclusions, skipped, inShare, new ObjectTableStorage(store), objects);
            (source, files, excluded) = (objects, listing.Files, listing.Excluded);
            roots.AddRange(inShare.Select(r => new FoundTableRoot(r.RelativePath, r.Format.Classification)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        var (sampled, _) = Sample(files, request.SampleFiles);
        var found = new FileClassification[sampled.Count];
        await Parallel.ForAsync(0, sampled.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, ct) =>
            found[i] = await ClassifyFileAsync(source, sampled[i].FullPath, request.Sample, custom, ct));
        var read = new Dictionary<string, FileClassification>(StringComparer.Ordinal);
        for (var i = 0; i < sampled.Count; i++)
        {
            read[sampled[i].RelativePath] = found[i];
        }

        return new CrawlShare(Summarize(files, read), skipped, excluded, roots);
    }

    /// <summary>The files of each folder: names and sizes, each distinct schema once with its files, and the files without one.</summary>
    private static List<FolderSummary> Summarize(List<FoundFile> files, Dictionary<string, FileClassification> read)
    {
        var summaries = new List<FolderSummary>();
        foreach (var folder in files.GroupBy(f => f.Folder, StringComparer.Ordinal))
        {
            var inFolder = folder.ToList();
            var groups = new Dictionary<string, SchemaGroup>(StringComparer.Ordinal);
            var problems = new List<FileProblem>();
            for (var i = 0; i < inFolder.Count; i++)
            {
                if (!read.TryGetValue(inFolder[i].RelativePath, out var classification))
                {
                    continue;
                }

                if (classification.Schema is not { } schema)
                {
                    problems.Add(new FileProblem(i, classification.Problem!));
                    continue;
                }

                var shape = schema with { RecordCount = 0, AverageRecordSize = 0, SizeBytes = 0 };
                var key = JsonSerializer.Serialize(shape);
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new SchemaGroup(shape, new List<int>(), new List<long>(), new List<long>(), new List<long>());
                }

                ((List<int>)group.Files).Add(i);
                ((List<long>)group.Records).Add(schema.RecordCount);
                ((List<long>)group.RecordSizes).Add(schema.AverageRecordSize);
                ((List<long>)group.Bytes).Add(schema.SizeBytes);
            }

            summaries.Add(new FolderSummary(
                folder.Key,
                inFolder.ConvertAll(f => f.RelativePath[(f.RelativePath.LastIndexOf('/') + 1)..]),
                inFolder.ConvertAll(f => f.Size),
                [.. groups.Values],
                problems));
        }

        return summaries;
    }

    /// <summary>
    /// In the coordinator: walks the top levels of the include path, hands the folders below them to the workers
    /// (<see cref="CrawlOptions.Listing"/>) and merges what they found with what it found itself. Returns every file
    /// listed, how many were excluded, and the classifications of the files the workers read, by full path.
    /// </summary>
    private async Task<(List<FoundFile> Files, int Excluded, Dictionary<string, FileClassification> Read)> ListAcrossAsync(
        ObjectStoreFiles? objects, TableStorage storage, string root, CrawlOptions options, List<Glob> exclusions, List<SkippedFile> skipped, List<TableRoot> tableRoots, CancellationToken cancellationToken)
    {
        var store = objects?.Store;
        var top = objects is null
            ? WalkTop(root, exclusions, options.ListingShares)
            : await WalkTopObjectsAsync(objects, storage, root, exclusions, options.ListingShares, cancellationToken);
        var request = new CrawlShareRequest(
            root,
            top.Frontier,
            options.Exclusions,
            options.Sample,
            options.SampleFiles,
            options.Classifiers.Select(catalog.GetClassifier).ToList(),
            options.Connection is { } connection ? catalog.GetConnection(connection) : null);
        var shares = top.Frontier.Count == 0 ? [] : await options.Listing!(request, cancellationToken);
        var (files, excluded, found) = (top.Files, top.Excluded, top.Skipped);
        tableRoots.AddRange(top.TableRoots);
        var read = new Dictionary<string, FileClassification>(StringComparer.Ordinal);
        foreach (var share in shares)
        {
            found.AddRange(share.Skipped);
            excluded += share.Excluded;
            tableRoots.AddRange(share.TableRoots.Select(r =>
                new TableRoot(TableStorage.Combine(root, r.RelativePath), r.RelativePath, TableFormats.All.First(f => f.Classification == r.Classification))));
            foreach (var folder in share.Folders)
            {
                Expand(root, folder, files, read);
            }
        }

        // In the order a local crawl reports them: a folder's walk in name order, an object store's listing in key order.
        skipped.AddRange(store is null ? found.OrderBy(s => s.Path.Split('/'), SegmentOrder.Instance) : found.OrderBy(s => s.Path, StringComparer.Ordinal));
        if (store is not null)
        {
            if (files.Count == 0 && excluded == 0 && skipped.Count == 0 && tableRoots.Count == 0)
            {
                throw NoObjects(store, root);
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (files, excluded, read);
    }

    /// <summary>A folder's summary as the files a local listing finds and the classifications of those read.</summary>
    private static void Expand(string root, FolderSummary folder, List<FoundFile> files, Dictionary<string, FileClassification> read)
    {
        var segments = folder.Folder.Split('/');
        var paths = new string[folder.Names.Count];
        for (var i = 0; i < paths.Length; i++)
        {
            var relative = $"{folder.Folder}/{folder.Names[i]}";
            paths[i] = $"{root}/{relative}";
            files.Add(new FoundFile(paths[i], relative, segments, folder.Sizes[i]));
        }

        foreach (var group in folder.Schemas)
        {
            for (var j = 0; j < group.Files.Count; j++)
            {
                read[paths[group.Files[j]]] = new FileClassification(
                    group.Schema with { RecordCount = group.Records[j], AverageRecordSize = group.RecordSizes[j], SizeBytes = group.Bytes[j] },
                    null);
            }
        }

        foreach (var problem in folder.Problems)
        {
            read[paths[problem.File]] = new FileClassification(null, problem.Problem);
        }
    }

    /// <summary>
    /// The classification of the files the workers read, and of the others (files of the top levels, files not read at
    /// first) from <paramref name="elsewhere"/>.
    /// </summary>
    private static Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<FileClassification>>> ReadOrClassify(
        Dictionary<string, FileClassification> read, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<FileClassification>>>? elsewhere) =>
        async (paths, cancellationToken) =>
        {
            var rest = paths.Where(p => !read.ContainsKey(p)).ToList();
            if (rest.Count > 0)
            {
                var more = await (elsewhere ?? throw new InvalidOperationException("A listing across workers needs a classification across them too."))(rest, cancellationToken);
                for (var i = 0; i < rest.Count; i++)
                {
                    read[rest[i]] = more[i];
                }
            }

            return paths.Select(p => read[p]).ToList();
        };

    private static DevEndpointException NoObjects(ObjectStore store, string root) => new(
        $"No objects found under {root}/ at {store.Settings.Describe()}. Check the bucket and prefix (keys are case-sensitive), and that the data was uploaded there.");
}
