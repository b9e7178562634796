using System.Diagnostics;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>
/// Loads a catalog table into a <see cref="DataFrame"/>: partitions are pruned by the predicate before any file is
/// opened, only the requested columns are kept, partition keys become columns, types follow the catalog and nulls
/// stay nulls.
/// </summary>
public sealed partial class TableLoader
{
    private readonly DataCatalog catalog;

    public TableLoader(DataCatalog catalog)
    {
        this.catalog = catalog;
    }

    public async Task<LoadResult> LoadAsync(string qualifiedName, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LoadOptions();
        var stopwatch = Stopwatch.StartNew();
        var name = TableName.Parse(qualifiedName);
        var table = catalog.GetTable(name);
        var partitionKeys = table.PartitionKeys.Select(k => k.Name).ToList();
        var predicate = string.IsNullOrWhiteSpace(options.Where) ? null : PartitionPredicate.Parse(options.Where);
        predicate?.Validate(name.ToString(), partitionKeys);
        if (options.Limit is < 0)
        {
            throw new DevEndpointException($"The row limit must be zero or more; got {options.Limit}.");
        }

        var output = SelectColumns(table, name, options.Columns);
        var sources = new List<Source>();
        var partitionsTotal = 0;
        if (partitionKeys.Count == 0)
        {
            sources.Add(new Source(table.StorageDescriptor.Location!, new Dictionary<string, string?>()));
        }
        else
        {
            var partitions = catalog.GetPartitions(name);
            partitionsTotal = partitions.Count;
            foreach (var partition in partitions)
            {
                var values = partitionKeys.Select((k, i) => (k, i < partition.Values.Count ? partition.Values[i] : null))
                    .ToDictionary(p => p.k, p => p.Item2, StringComparer.OrdinalIgnoreCase);
                if (predicate is null || predicate.Matches(values))
                {
                    sources.Add(new Source(partition.StorageDescriptor.Location!, values));
                }
            }
        }

        var builders = output.Select(ColumnBuilder.For).ToList();
        var reader = FormatReader.For(table);
        var limit = options.Limit ?? long.MaxValue;
        var rows = 0L;
        var filesRead = 0;
        var exclusions = Exclusions(table);
        var kind = table.Parameter("classification") == "parquet" ? "parquet" : table.Parameter("compressionType") ?? Compression.None;
        foreach (var source in sources)
        {
            foreach (var file in DataFiles(source.Location, exclusions, kind))
            {
                if (rows >= limit)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                filesRead++;
                var before = rows;
                rows += await reader.ReadAsync(file, table, builders, limit - rows, cancellationToken);
                foreach (var builder in builders.Where(b => partitionKeys.Contains(b.Column.Name)))
                {
                    for (var i = before; i < rows; i++)
                    {
                        builder.AddValue(source.Values[builder.Column.Name]);
                    }
                }
            }
        }

        var frame = new DataFrame(builders.Select(b => b.Build()));
        return new LoadResult(frame, table, sources.Count, partitionsTotal, filesRead, stopwatch.Elapsed, new BadRecords().ToFrame(), 0);
    }

    private static List<Column> SelectColumns(CatalogTable table, TableName name, IReadOnlyList<string>? requested)
    {
        var all = NestedColumns.Expand(table.AllColumns).ToList();
        if (requested is null || requested.Count == 0)
        {
            return all;
        }

        var selected = new List<Column>();
        foreach (var wanted in requested.Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            var column = all.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                var closest = ClosestNames.Find(wanted, all.Select(c => c.Name));
                var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
                throw new DevEndpointException(
                    $"Column '{wanted}' does not exist in {name}.{hint} Columns: {string.Join(", ", all.Select(c => c.Name))}.");
            }

            if (!selected.Contains(column))
            {
                selected.Add(column);
            }
        }

        return selected;
    }

    private static List<(Glob Glob, string Root)> Exclusions(CatalogTable table)
    {
        var patterns = table.Parameter(Crawler.ExclusionsParameter);
        var root = table.Parameter(Crawler.IncludePathParameter);
        return patterns is null || root is null
            ? []
            : CatalogJson.Deserialize<List<string>>(patterns).Select(p => (new Glob(p), root)).ToList();
    }

    /// <summary>
    /// The data files directly in a table's or partition's folder: no hidden or marker files, no excluded files, and only
    /// files of the table's kind (<see cref="FileKind"/>), as the crawler makes a folder of mixed files into one table per kind.
    /// </summary>
    private static IEnumerable<string> DataFiles(string location, List<(Glob Glob, string Root)> exclusions, string kind)
    {
        if (!Directory.Exists(location))
        {
            return [];
        }

        return Directory.EnumerateFiles(location)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
            .Where(f => !exclusions.Any(e => e.Glob.Matches(Path.GetRelativePath(e.Root, f).Replace('\\', '/'))))
            .Where(f => FileKind(f) == kind)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>What the crawler tells files apart by from their first bytes: <c>parquet</c>, or the compression of a text file.</summary>
    private static string FileKind(string path)
    {
        var head = Compression.ReadHead(path, FileProbe.HeadLength);
        return FileClassifier.IsParquet(path, head) ? "parquet" : Compression.Detect(head);
    }

    private sealed record Source(string Location, IReadOnlyDictionary<string, string?> Values);
}
