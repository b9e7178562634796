using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Loading;

/// <summary>Loads of tables of a table format (Delta Lake, Iceberg, Hudi): the live files of one version, pruned by partition values and statistics.</summary>
public sealed partial class TableLoader
{
    /// <summary>
    /// The live files of the table's version the load asks for, each with its partition values from the log; files whose
    /// partition values or statistics show that no row can match the predicate are left out before any is opened. The
    /// format reads the table's files where they are (<paramref name="storage"/>): on a local disk or in an object store.
    /// </summary>
    private static async Task<(FolderPlan Folders, List<TableFile> Files, FormatReader Reader)> PlanSnapshotAsync(
        ITableFormat format, CatalogTable table, TableStorage storage, ColumnPlan columns, LoadOptions options, CancellationToken cancellationToken)
    {
        var snapshot = await format.ReadSnapshotAsync(table.StorageDescriptor.Location!, storage, new SnapshotSelector(options.Version, options.AsOf), cancellationToken);
        var (predicate, filter) = (columns.Predicate, columns.Filter);
        var kept = snapshot.Files.Where(file =>
                predicate is null
                || (filter is null
                    ? predicate.Matches(file.PartitionValues)
                    : predicate.MayMatch(file.PartitionValues) && filter.MayMatch(name => Range(file, name))))
            .ToList();
        long? rows = kept.All(f => f.Statistics?.Records is not null)
            ? kept.Sum(f => f.Statistics!.Records!.Value - (f.Deletes?.Count ?? 0))
            : null;
        var folders = columns.PartitionKeys.Count == 0
            ? new FolderPlan([new Source(table.StorageDescriptor.Location!, new Dictionary<string, string?>())], 0, rows)
            : new FolderPlan(Partitions(kept).Select(v => new Source(table.StorageDescriptor.Location!, v)).ToList(), Partitions(snapshot.Files).Count, rows);
        return (folders, kept.ConvertAll(f => new TableFile(f.Path, f.PartitionValues)), format.Reader(snapshot));
    }

    /// <summary>The distinct partitions (sets of partition values) of files.</summary>
    private static List<IReadOnlyDictionary<string, string?>> Partitions(IEnumerable<SnapshotFile> files) =>
        files.GroupBy(f => string.Join('\u0001', f.PartitionValues.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")), StringComparer.Ordinal)
            .Select(g => g.First().PartitionValues)
            .ToList();

    /// <summary>What a file's partition value or statistics say of a column's values.</summary>
    private static ValueRange? Range(SnapshotFile file, string name) =>
        file.PartitionValues.TryGetValue(name, out var value) ? new ValueRange(value, value, value is null, value is null)
        : file.Statistics?.Ranges.GetValueOrDefault(name);

    /// <summary>Time travel is for tables of a table format, in one way at a time.</summary>
    private static void CheckVersionOptions(TableName name, CatalogTable table, LoadOptions options, ITableFormat? format)
    {
        if (options.Version is null && options.AsOf is null)
        {
            return;
        }

        if (format is null)
        {
            throw new DevEndpointException(
                $"{name} is classified as '{table.Parameter("classification") ?? "nothing"}', which has no versions: --version and --as-of are for Delta, Iceberg and Hudi tables. Load it without them.");
        }

        if (options.Version is not null && options.AsOf is not null)
        {
            throw new DevEndpointException("Give either --version or --as-of, not both.");
        }
    }

    /// <summary>Where a table's files are: the object store it is read through, else the local disk.</summary>
    private static TableStorage Storage(ObjectStore? store) => store is null ? TableStorage.Local : new ObjectTableStorage(store);
}
