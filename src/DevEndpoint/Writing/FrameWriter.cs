using DevEndpoint.Catalog;
using DevEndpoint.ObjectStores;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Writing;

/// <summary>
/// Writes a DataFrame as Parquet, CSV or JSON lines files into a folder, with Hive-style <c>key=value</c> partition folders,
/// and records what was written in the catalog, as Glue's sinks with <c>enableUpdateCatalog</c>. Files are written into a
/// temporary folder beside the target and renamed into place only when all of them are complete: a write that fails leaves
/// the folder (and the catalog) as they were. An overwrite replaces only the partitions written (Spark's dynamic partition
/// overwrite); <see cref="WriteMode.OverwriteTable"/> replaces everything; the result lists what either deleted.
/// </summary>
public sealed partial class FrameWriter
{
    /// <summary>The folder name Hive gives a partition whose value is null.</summary>
    public const string NullPartitionValue = Partition.HiveDefaultValue;

    private readonly DataCatalog? catalog;

    /// <param name="catalog">The catalog that <see cref="WriteOptions.CatalogTable"/> names a table of; <c>null</c> when no write updates one.</param>
    public FrameWriter(DataCatalog? catalog = null)
    {
        this.catalog = catalog;
    }

    public async Task<WriteResult> WriteAsync(DataFrame frame, WriteOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Format == WriteFormat.Delta)
        {
            return await WriteDeltaAsync(frame, options, cancellationToken);
        }

        var inStore = S3Path.IsS3(options.Path);
        var target = inStore ? S3Path.Parse(options.Path.TrimEnd('/')).ToString().TrimEnd('/') : Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Path));
        var codec = options.Codec();
        var table = TableToUpdate(options);
        var (keys, data) = SplitColumns(frame, options);
        using var store = inStore ? ObjectStoreConnections.Open(catalog ?? throw WriteErrors.NoCatalogForStore(target), options.Connection, target) : null;
        if (options.Mode == WriteMode.ErrorIfExists && (store is null ? HoldsFiles(target) : await store.HoldsObjectsAsync(S3Path.Parse(target), cancellationToken)))
        {
            throw WriteErrors.Exists(target);
        }

        var writeId = Guid.NewGuid().ToString("N");
        var staging = StagingFolder(target, writeId, inStore);
        var publication = store is null ? new Publication(staging, target) : null;
        var objects = store is null ? null : new ObjectPublication(store, staging, S3Path.Parse(target));
        List<WrittenPart> parts;
        CatalogChange? change;
        try
        {
            (parts, change) = await WriteAndPublishAsync(frame, options, codec, target, table, keys, data, staging, writeId, publication, objects, cancellationToken);
        }
        catch
        {
            // Files put in place before a failure (the next one's move, or the catalog's commit) are taken back.
            publication?.Undo();
            if (objects is not null)
            {
                await objects.UndoAsync();
            }

            throw;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        publication?.Complete();
        if (objects is not null)
        {
            await objects.CompleteAsync();
        }

        return Result(frame.Rows.Count, options, target, codec, table, keys.Count > 0, parts, change) with { Removed = publication?.Removed ?? objects?.Removed ?? [] };
    }

    /// <summary>
    /// Writes the parts into the staging folder, then puts them in place: uploaded to the object store, or moved into the
    /// folder in the same step as the catalog's update, so neither is seen without the other.
    /// </summary>
    private async Task<(List<WrittenPart> Parts, CatalogChange? Change)> WriteAndPublishAsync(
        DataFrame frame,
        WriteOptions options,
        string codec,
        string target,
        TableName? table,
        List<FrameColumn> keys,
        List<FrameColumn> data,
        string staging,
        string writeId,
        Publication? publication,
        ObjectPublication? objects,
        CancellationToken cancellationToken)
    {
        var parts = await WritePartsAsync(frame, keys, data, staging, writeId, options.Format, codec, cancellationToken);
        var partitions = keys.Count == 0 ? null : parts.Select(p => p.Folder).ToList();
        if (objects is not null)
        {
            await objects.UploadAsync(options.Mode, partitions, cancellationToken);
        }

        CatalogChange? change = null;
        if (table is { } name)
        {
            catalog!.Update(update =>
            {
                change = UpdateCatalog(update, name, options, codec, target, ColumnsOf(data), ColumnsOf(keys), parts);
                publication?.Run(options.Mode, partitions);
            });
        }
        else
        {
            publication?.Run(options.Mode, partitions);
        }

        return (parts, change);
    }

    private static WriteResult Result(
        long rows, WriteOptions options, string target, string codec, TableName? table, bool partitioned, List<WrittenPart> parts, CatalogChange? change) => new()
        {
            Path = target,
            Format = options.Format,
            Compression = codec,
            Mode = options.Mode,
            Rows = rows,
            Files = parts.SelectMany(p => p.Files).ToList(),
            Bytes = parts.Sum(p => p.Bytes),
            Partitions = partitioned ? parts.Select(p => p.Folder).ToList() : [],
            Table = table,
            TableChange = change?.Change,
            PartitionsAdded = change?.PartitionsAdded ?? 0,
            PartitionsReplaced = change?.PartitionsReplaced ?? 0,
            PartitionsRemoved = change?.PartitionsRemoved ?? 0,
            SchemaChangeLogged = change?.SchemaChangeLogged,
        };

    /// <summary>The catalog table the write updates, if any, once the catalog is known to take writes.</summary>
    private TableName? TableToUpdate(WriteOptions options)
    {
        if (options.CatalogTable is null)
        {
            return null;
        }

        var table = TableName.Parse(options.CatalogTable);
        if (catalog is null)
        {
            throw new InvalidOperationException("A write that updates a catalog table needs a FrameWriter made with a catalog.");
        }

        catalog.RequireWritable();
        return table;
    }

    /// <summary>The partition keys, in the order given, and the data columns, of which there must be one at least.</summary>
    private static (List<FrameColumn> Keys, List<FrameColumn> Data) SplitColumns(DataFrame frame, WriteOptions options)
    {
        var columns = frame.Columns.Select(FrameColumn.Of).ToList();
        var keys = options.PartitionBy
            .Select(name => columns.Find(c => c.Name == name) ?? throw WriteErrors.MissingColumn(name, columns.Select(c => c.Name)))
            .ToList();
        var data = columns.Except(keys).ToList();
        return data.Count == 0 ? throw WriteErrors.OnlyPartitionColumns() : (keys, data);
    }

    /// <summary>
    /// Where the files are written before they are published: beside the target, so they are moved in place; for an
    /// object store, a local temporary folder that is then uploaded.
    /// </summary>
    private static string StagingFolder(string target, string writeId, bool inStore)
    {
        if (inStore)
        {
            return Path.Combine(Path.GetTempPath(), $"devendpoint-write-{writeId}");
        }

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, $".{Path.GetFileName(target)}.{writeId}.writing");
    }

    /// <summary>One file per partition (or one for the frame), each in its <c>key=value</c> folder under <paramref name="staging"/>.</summary>
    private static async Task<List<WrittenPart>> WritePartsAsync(
        DataFrame frame, List<FrameColumn> keys, List<FrameColumn> data, string staging, string writeId, WriteFormat format, string codec, CancellationToken cancellationToken)
    {
        var rowIds = new List<long>();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            rowIds.Add(row);
        }

        var groups = rowIds
            .GroupBy(row => string.Join('/', keys.Select(k => $"{EscapePartitionName(k.Name)}={EscapePartitionName(k.Text(row) ?? NullPartitionValue)}")), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Rows: g.ToList()))
            .ToList();
        if (groups.Count == 0 && keys.Count == 0)
        {
            // An empty frame still gets a file, which holds its schema.
            groups.Add((string.Empty, []));
        }

        var extension = (format == WriteFormat.Parquet ? ".parquet" : format == WriteFormat.Csv ? ".csv" : ".json")
            + (format != WriteFormat.Parquet && codec == Formats.Compression.Gzip ? ".gz" : string.Empty);
        var parts = new List<WrittenPart>();
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = group.Rows;
            var folder = Path.Combine(staging, group.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(folder);
            var name = $"part-{parts.Count:D5}-{writeId}{extension}";
            var path = Path.Combine(folder, name);
            if (format == WriteFormat.Parquet)
            {
                await WriteParquetAsync(path, data, rows, codec, cancellationToken);
            }
            else
            {
                WriteText(path, data, rows, format, codec);
            }

            var values = rows.Count == 0 ? [] : keys.Select(k => k.Text(rows[0]) ?? NullPartitionValue).ToList();
            var relative = group.Key.Length == 0 ? name : $"{group.Key}/{name}";
            parts.Add(new WrittenPart(group.Key, values, [relative], rows.Count, new FileInfo(path).Length));
        }

        return parts;
    }

    internal sealed record WrittenPart(string Folder, IReadOnlyList<string> Values, IReadOnlyList<string> Files, long Rows, long Bytes);

    /// <summary>The catalog columns of frame columns: their names and Hive types.</summary>
    private static List<Column> ColumnsOf(List<FrameColumn> columns) => columns.ConvertAll(c => new Column(c.Name, c.HiveType));

    private static bool HoldsFiles(string folder) => Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>Hive's escaping of partition folder names: <c>%</c> and two hex digits for characters a path cannot hold or that mean something in it.</summary>
    private static string EscapePartitionName(string value) => string.Concat(value.Select(c =>
        char.IsControl(c) || "\"#%'*/:=?\\{[]^".Contains(c) ? $"%{(int)c:X2}" : c.ToString()));
}
