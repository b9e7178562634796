using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Frames;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Loading;

/// <summary>The first steps of a load of files: which columns, which folders, which files.</summary>
public sealed partial class TableLoader
{
    /// <summary>
    /// The columns the load returns, and those it reads: the data columns the predicate names that were not asked for are
    /// read too, after the others, and dropped once the rows are filtered. The predicate prunes partitions; its filter,
    /// when it names data columns, also filters rows.
    /// </summary>
    private static ColumnPlan PlanColumns(TableName name, CatalogTable table, LoadOptions options)
    {
        var partitionKeys = table.PartitionKeys.Select(k => k.Name).ToList();
        var all = NestedColumns.Expand(table.AllColumns).ToList();
        var predicate = string.IsNullOrWhiteSpace(options.Where) ? null : PartitionPredicate.Parse(options.Where);
        predicate?.Check(name.ToString(), all);
        var filter = predicate is not null && predicate.Keys.Any(k => !partitionKeys.Contains(k.Name, StringComparer.OrdinalIgnoreCase)) ? predicate : null;
        var output = SelectColumns(table, name, options.Columns);
        var read = output.Concat(all.Where(c =>
                filter is not null
                && !partitionKeys.Contains(c.Name, StringComparer.OrdinalIgnoreCase)
                && filter.Keys.Any(k => string.Equals(k.Name, c.Name, StringComparison.OrdinalIgnoreCase))
                && !output.Any(o => string.Equals(o.Name, c.Name, StringComparison.OrdinalIgnoreCase))))
            .ToList();
        return new ColumnPlan(partitionKeys, output, read, predicate, filter);
    }

    /// <summary>
    /// The folders to read: the table's own, or its partitions the predicate may match, with the rows their crawl counted
    /// (<c>null</c> when one of them has no count). Hive's default partition value is a null.
    /// </summary>
    private FolderPlan SelectFolders(TableName name, CatalogTable table, ColumnPlan columns)
    {
        if (columns.PartitionKeys.Count == 0)
        {
            return new FolderPlan([new Source(table.StorageDescriptor.Location!, new Dictionary<string, string?>())], 0, null);
        }

        var (predicate, filter) = (columns.Predicate, columns.Filter);
        var partitions = catalog.GetPartitions(name);
        var sources = new List<Source>();
        long? rowsCounted = 0;
        foreach (var partition in partitions)
        {
            var values = columns.PartitionKeys.Select((k, i) => (k, i < partition.Values.Count && partition.Values[i] != Partition.HiveDefaultValue ? partition.Values[i] : null))
                .ToDictionary(p => p.k, p => p.Item2, StringComparer.OrdinalIgnoreCase);
            if (predicate is null || (filter is null ? predicate.Matches(values) : predicate.MayMatch(values)))
            {
                sources.Add(new Source(partition.StorageDescriptor.Location!, values));
                rowsCounted = RecordCount(partition.Parameters) is { } rows ? rowsCounted + rows : null;
            }
        }

        return new FolderPlan(sources, partitions.Count, rowsCounted);
    }

    /// <summary>
    /// The folders to read (the table's, or the partitions the predicate keeps), their data files and the reader of the
    /// table's format (for an object store, reading a copy of each object downloaded just for the read).
    /// </summary>
    private async Task<(FolderPlan Folders, List<TableFile> Files, FormatReader Reader)> PlanFilesAsync(
        TableName name, CatalogTable table, ColumnPlan columns, ObjectStore? objectStore, CancellationToken cancellationToken)
    {
        var folders = SelectFolders(name, table, columns);
        var reader = objectStore is null ? FormatReader.For(table) : new LocalCopyReader(Storage(objectStore), FormatReader.For(table));
        return (folders, await ListFilesAsync(table, folders, objectStore, cancellationToken), reader);
    }

    /// <summary>
    /// The data files of a table of files in a local or shared folder or in <c>s3://</c> (full paths, in path order), with
    /// the partition folder of each (relative to the table's folder, empty for an unpartitioned table): the shares a
    /// distributed job splits it into. An <c>s3://</c> table is listed through the connection its crawl recorded.
    /// </summary>
    internal async Task<IReadOnlyList<(string Path, string Partition)>> ListFilesAsync(TableName name, CancellationToken cancellationToken = default)
    {
        var table = catalog.GetTable(name);
        if (TableSources.For(table) is not null || TableFormats.For(table) is not null)
        {
            throw new DevEndpointException(
                $"{name} is not a table of files in a folder every worker reaches (it is at {table.StorageDescriptor.Location}). A job across a cluster reads tables of files in a shared folder or in s3://.");
        }

        using var objectStore = OpenObjectStore(name, table, new LoadOptions());
        var (_, files, _) = await PlanFilesAsync(name, table, PlanColumns(name, table, new LoadOptions()), objectStore, cancellationToken);
        var root = FullPath(table.StorageDescriptor.Location!);
        return files.Select(f => FullPath(f.Path))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, PartitionFolder(root, f)))
            .ToList();
    }

    /// <summary>A local file's full path; an <c>s3://</c> path as it is.</summary>
    private static string FullPath(string path) => S3Path.IsS3(path) ? path : Path.GetFullPath(path);

    /// <summary>The folder of <paramref name="file"/> relative to the table's folder <paramref name="root"/>, '/'-separated; empty for the table's own folder.</summary>
    private static string PartitionFolder(string root, string file)
    {
        var folder = S3Path.IsS3(file)
            ? file.LastIndexOf('/') is var slash && slash > root.TrimEnd('/').Length ? file[(root.TrimEnd('/').Length + 1)..slash] : string.Empty
            : Path.GetRelativePath(root, Path.GetDirectoryName(file)!) is var relative && relative != "." ? relative : string.Empty;
        return folder.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The object store of a table in <c>s3://</c>, through the connection its crawl recorded; <c>null</c> for local files.</summary>
    private ObjectStore? OpenObjectStore(TableName name, CatalogTable table, LoadOptions options)
    {
        if (!S3Path.IsS3(table.StorageDescriptor.Location))
        {
            return null;
        }

        if (options.Bookmark is not null)
        {
            throw new DevEndpointException(
                $"Job bookmarks follow local files only so far, and table {name} is in an object store ({table.StorageDescriptor.Location}). Load it without --bookmark.");
        }

        return options.Connection is { } connection
            ? ObjectStoreConnections.Open(connection)
            : ObjectStoreConnections.Open(catalog, table.Parameter(ObjectStoreConnections.ConnectionParameter) ?? throw NoConnection(name, table), table.StorageDescriptor.Location!);
    }

    /// <summary>The data files of the folders, in folder order, each with its folder's partition values.</summary>
    private static async Task<List<TableFile>> ListFilesAsync(CatalogTable table, FolderPlan folders, ObjectStore? objectStore, CancellationToken cancellationToken)
    {
        var store = objectStore is null ? null : new ObjectStoreFiles(objectStore);
        var files = new List<TableFile>();
        foreach (var source in folders.Sources)
        {
            var found = store is null ? TableFiles.DataFiles(table, source.Location) : await TableFiles.DataFilesAsync(table, source.Location, store, cancellationToken);
            files.AddRange(found.Select(f => new TableFile(f, source.Values)));
        }

        return files;
    }

    /// <summary>The files a job bookmark's committed runs did not process, in the order listed.</summary>
    private static List<TableFile> UnprocessedFiles(List<TableFile> files, BookmarkSelection bookmark)
    {
        var unread = bookmark.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return files.FindAll(f => unread.Contains(FullPath(f.Path)));
    }

    /// <summary>The fraction of rows each file keeps; none when a sample of n rows waits for a filter to count its rows.</summary>
    private static double? SampleFraction(ColumnPlan columns, CatalogTable table, LoadOptions options, FolderPlan folders) =>
        options.SampleRows is not null && columns.Filter is not null ? null : SampleFraction(table, options, folders.RowsCounted);

    private sealed record ColumnPlan(List<string> PartitionKeys, List<Column> Output, List<Column> Read, PartitionPredicate? Predicate, PartitionPredicate? Filter);

    private sealed record FolderPlan(List<Source> Sources, int PartitionsTotal, long? RowsCounted);

    private sealed record Source(string Location, IReadOnlyDictionary<string, string?> Values);

    private sealed record TableFile(string Path, IReadOnlyDictionary<string, string?> Values);
}
