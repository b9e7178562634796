using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

/// <summary>
/// The data files of a crawled table, as the crawl assigned them, for readers of the table. A folder whose files all
/// make one table holds the table's data: every file in it but hidden and marker files, files the crawl's exclusions
/// leave out, and files of another kind (Parquet, or text of another compression), which the crawler makes into other
/// tables. A folder whose files the crawler split into several tables (two CSV layouts, CSV beside JSON) holds a table's
/// data only in the files the crawl gave that table, listed in its <see cref="SharedFolderFilesParameter"/> parameter;
/// a file added there since is read by none of them until a crawl assigns it.
/// </summary>
public static class TableFiles
{
    /// <summary>
    /// Table parameter: a JSON array of the table's files, relative to its location, in the folders it shares with other
    /// tables; absent when it shares none.
    /// </summary>
    public const string SharedFolderFilesParameter = "sharedFolderFiles";

    /// <summary>The table's data files directly in <paramref name="location"/> (the table's or one of its partitions'), in ordinal order.</summary>
    public static IReadOnlyList<string> DataFiles(CatalogTable table, string location) =>
        Directory.Exists(location) ? Select(table, location, Directory.EnumerateFiles(location), FileSource.Local) : [];

    /// <summary>The table's data objects directly in an <c>s3://</c> <paramref name="location"/>, as <c>s3://</c> paths in ordinal order.</summary>
    internal static async Task<IReadOnlyList<string>> DataFilesAsync(CatalogTable table, string location, ObjectStoreFiles source, CancellationToken cancellationToken = default)
    {
        var objects = new List<string>();
        await foreach (var stored in source.Store.ListAsync(S3Path.Parse(location), folder: true, cancellationToken))
        {
            source.Listed(stored);
            objects.Add(stored.Path.ToString());
        }

        return Select(table, location, objects, source);
    }

    private static List<string> Select(CatalogTable table, string location, IEnumerable<string> files, FileSource source)
    {
        var exclusions = Exclusions(table);
        var listed = ListedIn(table, location);
        var kind = table.Parameter("classification") == "parquet" ? "parquet" : table.Parameter("compressionType") ?? Compression.None;
        return files
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
            .Where(f => !exclusions.Any(e => e.Glob.Matches(Path.GetRelativePath(e.Root, f).Replace('\\', '/'))))
            .Where(f => listed is null ? FileKind(source, f) == kind : listed.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The table's files in a few words, for listings: their count (<c>objectCount</c>), with the file's name when the
    /// table is one file of a folder it shares with other tables, such as <c>1 (WorldCup-1930.csv)</c>.
    /// </summary>
    public static string Summary(CatalogTable table)
    {
        var count = table.Parameter("objectCount") ?? string.Empty;
        return count == "1" && SharedFolderFiles(table) is [{ } file] ? $"1 ({file})" : count;
    }

    /// <summary>The paths held by the table's <see cref="SharedFolderFilesParameter"/>; empty when it has none.</summary>
    internal static IReadOnlyList<string> SharedFolderFiles(CatalogTable table) =>
        table.Parameter(SharedFolderFilesParameter) is { } json ? CatalogJson.Deserialize<List<string>>(json) : [];

    /// <summary>The names of the table's files in <paramref name="location"/> when it is a shared folder, else <c>null</c>.</summary>
    private static HashSet<string>? ListedIn(CatalogTable table, string location)
    {
        var files = SharedFolderFiles(table);
        if (files.Count == 0 || table.StorageDescriptor.Location is not { } tableLocation)
        {
            return null;
        }

        var folder = Path.GetRelativePath(tableLocation, location).Replace('\\', '/').TrimEnd('/');
        folder = folder == "." ? string.Empty : folder;
        var names = files
            .Select(f => (Folder: f.LastIndexOf('/') is var slash and >= 0 ? f[..slash] : string.Empty, Name: f[(f.LastIndexOf('/') + 1)..]))
            .Where(f => f.Folder == folder)
            .Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal);
        return names.Count == 0 ? null : names;
    }

    private static List<(Glob Glob, string Root)> Exclusions(CatalogTable table)
    {
        var patterns = table.Parameter(Crawler.ExclusionsParameter);
        var root = table.Parameter(Crawler.IncludePathParameter);
        return patterns is null || root is null
            ? []
            : CatalogJson.Deserialize<List<string>>(patterns).Select(p => (new Glob(p), root)).ToList();
    }

    /// <summary>What the crawler tells files apart by from their first bytes: <c>parquet</c>, or the compression of a text file.</summary>
    private static string FileKind(FileSource source, string path)
    {
        var head = source.ReadHead(path, FileProbe.HeadLength);
        return FileClassifier.IsParquet(path, head) ? "parquet" : Compression.Detect(head);
    }
}
