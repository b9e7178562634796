using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

/// <summary>
/// Tables of a table format (Delta Lake, Iceberg, Hudi): a crawl that meets a table root, in a folder or an object store,
/// catalogues one table for it from the table's own log (schema, partition keys, version), never its data files as
/// tables nor its log as JSON.
/// </summary>
public sealed partial class Crawler
{
    /// <summary>Reads the table of each root; a root whose log cannot be read is reported with the reason, and the crawl goes on.</summary>
    private static async Task<List<FormatTablePlan>> ReadTableRootsAsync(
        List<TableRoot> roots, TableStorage storage, string rootName, List<TablePlan> plans, List<SkippedFile> skipped, CancellationToken cancellationToken)
    {
        var taken = plans.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var read = new List<FormatTablePlan>();
        foreach (var root in roots.OrderBy(r => r.RelativePath, StringComparer.Ordinal))
        {
            TableSnapshot snapshot;
            try
            {
                snapshot = await root.Format.ReadSnapshotAsync(root.FullPath, storage, SnapshotSelector.Latest, cancellationToken);
            }
            catch (DevEndpointException e)
            {
                skipped.Add(new SkippedFile(root.RelativePath + "/", e.Message));
                continue;
            }

            var name = SanitizeTableName(root.RelativePath.Length == 0 ? rootName : root.RelativePath.Split('/')[^1]);
            if (!taken.Add(name))
            {
                name = $"{name}_{ShortHash(root.RelativePath)}";
                taken.Add(name);
            }

            read.Add(new FormatTablePlan(name, root, snapshot));
        }

        return read;
    }

    /// <summary>Writes the table of a table root: the format's own parameters (classification, version) beside the crawl's.</summary>
    private static CrawledTable Write(WriteContext context, FormatTablePlan plan)
    {
        var (update, root, database, options, runId, _) = context;
        var snapshot = plan.Snapshot;
        var existing = update.FindTable(new TableName(database, plan.Name));
        var crawl = new Dictionary<string, string>
        {
            ["UPDATED_BY_CRAWLER"] = CrawlerName,
            [CatalogUpdate.CrawlRunIdParameter] = runId,
            [IncludePathParameter] = root + "/",
        };
        if (options.Connection is { } connection)
        {
            crawl[ObjectStoreConnections.ConnectionParameter] = connection;
        }

        var (table, records) = FormatTable(new TableName(database, plan.Name), Location(root, plan.Root.RelativePath), plan.Root.Format, snapshot, crawl);
        var change = PutTable(context, existing, table);
        return new CrawledTable(plan.Name, change, plan.Root.Format.Classification, snapshot.Columns.Count, 0, 0, snapshot.Files.Count, records ?? 0);
    }

    /// <summary>
    /// The catalog table of a table-format table at <paramref name="snapshot"/>, as a crawl records it (and a write of the
    /// format too): the format's parameters, the file, byte and (when the log states them) record counts, Parquet's
    /// storage descriptor with the snapshot's columns, and its partition keys; with the record count.
    /// </summary>
    /// <param name="more">Parameters of the caller's own (the crawl's run, the write's connection).</param>
    internal static (CatalogTable Table, long? Records) FormatTable(
        TableName name, string location, ITableFormat format, TableSnapshot snapshot, IReadOnlyDictionary<string, string> more)
    {
        var records = snapshot.Files.All(f => f.Statistics?.Records is not null)
            ? snapshot.Files.Sum(f => f.Statistics!.Records!.Value - (f.Deletes?.Count ?? 0))
            : (long?)null;
        var bytes = snapshot.Files.Sum(f => f.Size);
        var parameters = new Dictionary<string, string>(format.TableParameters(snapshot))
        {
            ["typeOfData"] = "file",
            ["objectCount"] = Invariant(snapshot.Files.Count),
            ["sizeKey"] = Invariant(bytes),
        };
        foreach (var (key, value) in more)
        {
            parameters[key] = value;
        }

        if (records is { } count)
        {
            parameters["recordCount"] = Invariant(count);
            parameters["averageRecordSize"] = Invariant(count == 0 ? 0 : bytes / count);
        }

        var descriptor = StorageFormats.Binary(StorageFormats.ParquetInputFormat, StorageFormats.ParquetOutputFormat, StorageFormats.ParquetSerDe, new() { ["serialization.format"] = "1" }) with
        {
            Location = location,
            Columns = snapshot.Columns,
            Compressed = false,
        };
        var table = new CatalogTable
        {
            Name = name.Table,
            DatabaseName = name.Database,
            Parameters = parameters,
            PartitionKeys = snapshot.PartitionKeys,
            StorageDescriptor = descriptor,
        };
        return (table, records);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A folder the walk found to be the root of a table of <paramref name="Format"/>.</summary>
    internal sealed record TableRoot(string FullPath, string RelativePath, ITableFormat Format);

    /// <summary>The table a crawl writes for a table root: its name and the table's latest snapshot.</summary>
    private sealed record FormatTablePlan(string Name, TableRoot Root, TableSnapshot Snapshot);
}
