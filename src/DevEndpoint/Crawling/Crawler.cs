using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

/// <summary>
/// Walks a folder, classifies its files, infers their schemas and partitions, and records one table per group of
/// compatible folders in the catalog (see <see cref="FindTableFolders"/>), applying the re-crawl policies of
/// <see cref="CrawlOptions"/>. Every file is read only as far as its sample; a file or folder that cannot be read is
/// reported and skipped; the catalog changes of a crawl commit in one transaction, with its crawl-run record.
/// </summary>
public sealed partial class Crawler
{
    /// <summary>The value of the <c>UPDATED_BY_CRAWLER</c> table parameter.</summary>
    public const string CrawlerName = "devendpoint";

    private readonly DataCatalog catalog;

    public Crawler(DataCatalog catalog)
    {
        this.catalog = catalog;
    }

    public async Task<CrawlResult> CrawlAsync(CrawlOptions options, IProgress<CrawlProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        catalog.RequireWritable();
        var inStore = S3Path.IsS3(options.Path);
        var root = inStore ? ValidateObjectRoot(options.Path) : ValidateRoot(options.Path);
        var database = ValidateDatabaseName(options.Database);
        if (options.TableLevel < 1)
        {
            throw new DevEndpointException(
                $"Table level {options.TableLevel} is not valid: level 1 is the include path itself, 2 its subfolders, and so on.");
        }

        if (options.SampleFiles < 1)
        {
            throw CrawlOptions.SampleFilesError(options.SampleFiles.Value.ToString(CultureInfo.InvariantCulture));
        }

        var custom = options.Classifiers.Select(name => catalog.GetClassifier(name).ToClassifier()).ToList();
        var exclusions = options.Exclusions.Select(p => new Glob(p)).ToList();
        var runId = $"{started:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}";

        var skipped = new List<SkippedFile>();
        using var store = inStore ? OpenStore(options) : null;
        var tableRoots = new List<TableRoot>();
        var storage = store is null ? TableStorage.Local : new ObjectTableStorage(store);
        FileSource source;
        List<FoundFile> candidates;
        int excluded;
        if (options.Listing is not null)
        {
            var objects = store is null ? null : new ObjectStoreFiles(store);
            (candidates, excluded, var read) = await ListAcrossAsync(objects, storage, root, options, exclusions, skipped, tableRoots, cancellationToken);
            source = objects ?? FileSource.Local;
            options = options with { Classification = ReadOrClassify(read, options.Classification) };
        }
        else
        {
            (source, candidates, excluded) = store is null
                ? WalkFolder(root, exclusions, skipped, tableRoots)
                : await WalkObjectsAsync(store, storage, root, exclusions, skipped, tableRoots, cancellationToken);
        }
        if (options.NewFoldersOnly)
        {
            var seen = SeenFolders(root, database);
            candidates = candidates.Where(f => !seen.Contains(f.Folder)).ToList();
        }

        var previous = PreviousTables(root, database);
        var (plans, scanned, classified) = await ClassifyAndPlanAsync(source, candidates, Path.GetFileName(root), options, previous, custom, skipped, progress, cancellationToken);
        var formatPlans = await ReadTableRootsAsync(tableRoots, storage, Path.GetFileName(root), plans, skipped, cancellationToken);
        return Commit(plans, formatPlans, root, database, options, runId, started, candidates.Count, scanned, classified, excluded, skipped);
    }

    private static (FileSource Source, List<FoundFile> Files, int Excluded) WalkFolder(string root, List<Glob> exclusions, List<SkippedFile> skipped, List<TableRoot> tableRoots)
    {
        var walk = new FileWalk(root, exclusions, skipped);
        walk.Run();
        tableRoots.AddRange(walk.TableRoots);
        return (FileSource.Local, walk.Files, walk.Excluded);
    }

    private static string ValidateRoot(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new DevEndpointException($"'{path}' is a file. Crawl the folder that holds it: a table is a folder of files.");
        }

        if (!Directory.Exists(full))
        {
            throw new DevEndpointException(
                $"The folder '{path}' does not exist (resolved to {full}). Check the path; relative paths start from {Environment.CurrentDirectory}.");
        }

        return full.TrimEnd(Path.DirectorySeparatorChar);
    }

    /// <summary>Checks a database name: letters, digits and underscores, as Glue, Athena and Hive accept.</summary>
    public static string ValidateDatabaseName(string name)
    {
        var normalized = TableName.Normalize(name);
        if (normalized.Length == 0 || normalized.Length > 255 || !normalized.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new DevEndpointException(
                $"'{name}' is not a valid database name. Use letters, digits and underscores (catalog names are stored in lower case), for example sales_raw.");
        }

        return normalized;
    }

    private static async Task<List<ClassifiedFile>> ClassifyAsync(
        FileSource source,
        List<FoundFile> files, CrawlOptions options, IReadOnlyList<IClassifier> custom, List<SkippedFile> skipped, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken, int doneBefore = 0)
    {
        var done = doneBefore;
        var total = doneBefore + files.Count;
        progress?.Report(new CrawlProgress(done, total, null));
        IReadOnlyList<FileClassification> results;
        if (options.Classification is { } elsewhere)
        {
            results = await elsewhere(files.ConvertAll(f => f.FullPath), cancellationToken);
            progress?.Report(new CrawlProgress(total, total, null));
        }
        else
        {
            var here = new FileClassification[files.Count];
            await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                here[i] = await ClassifyFileAsync(source, files[i].FullPath, options.Sample, custom, ct);
                progress?.Report(new CrawlProgress(Interlocked.Increment(ref done), total, files[i].RelativePath));
            });
            results = here;
        }

        var classified = new List<ClassifiedFile>();
        for (var i = 0; i < files.Count; i++)
        {
            if (results[i].Schema is { } schema)
            {
                classified.Add(new ClassifiedFile(files[i], schema));
            }
            else
            {
                skipped.Add(new SkippedFile(files[i].RelativePath, results[i].Problem!));
            }
        }

        return classified;
    }

    /// <summary>
    /// Classifies one file with the custom classifiers, then the built-in ones: its schema, or why it has none (a file that
    /// cannot be read or that no classifier recognised).
    /// </summary>
    internal static async Task<FileClassification> ClassifyFileAsync(FileSource source, string path, SampleOptions sample, IReadOnlyList<IClassifier> custom, CancellationToken cancellationToken)
    {
        try
        {
            var schema = await FileClassifier.ClassifyAsync(source, path, sample, custom, cancellationToken);
            return schema is null
                ? new(null, $"UNKNOWN classification: no classifier recognised it (tried {string.Join(", ", custom.Concat(FileClassifier.BuiltIns).Select(c => c.Name))})")
                : schema.Columns.Count == 0 ? new(null, "no columns found in the sample") : new(schema, null);
        }
        catch (BadFileException e)
        {
            return new(null, e.Reason);
        }
        catch (IOException e)
        {
            return new(null, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
        catch (UnauthorizedAccessException e)
        {
            return new(null, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
        catch (DevEndpointException e) when (source != FileSource.Local)
        {
            return new(null, $"cannot be read ({e.Message.TrimEnd('.')})");
        }
    }

    internal sealed record FoundFile(string FullPath, string RelativePath, string[] Folders, long Size)
    {
        /// <summary>The folder holding the file, relative to the include path (empty for the include path itself).</summary>
        public string Folder => string.Join('/', Folders);
    }

    private sealed record ClassifiedFile(FoundFile File, FileSchema Schema)
    {
        /// <summary>
        /// The partition keys and values of the folders below a table's folder, <paramref name="depth"/> levels down; an
        /// empty value (<c>key=</c>) is Hive's <see cref="Partition.HiveDefaultValue"/>.
        /// </summary>
        public IReadOnlyList<(string Key, string Value)> PartitionValues(int depth) =>
            File.Folders.Skip(depth).Select((folder, i) =>
            {
                var equals = folder.IndexOf('=', StringComparison.Ordinal);
                return equals > 0
                    ? (ColumnNameOf(folder[..equals]), equals == folder.Length - 1 ? Partition.HiveDefaultValue : Uri.UnescapeDataString(folder[(equals + 1)..]))
                    : (string.Create(CultureInfo.InvariantCulture, $"partition_{i}"), Uri.UnescapeDataString(folder));
            }).ToList();

        private static string ColumnNameOf(string key) => Uri.UnescapeDataString(key).Trim().ToLowerInvariant();
    }

    private static bool IsHivePartition(string folder) => folder.IndexOf('=', StringComparison.Ordinal) > 0;
}
