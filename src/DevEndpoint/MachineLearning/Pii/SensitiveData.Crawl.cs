using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.MachineLearning.Pii;

/// <summary>A crawled table's column classification, or why it could not be read.</summary>
public sealed record PiiTableRecord(string Table, IReadOnlyDictionary<string, string> ColumnEntityTypes, string? Error);

public static partial class SensitiveData
{
    /// <summary>
    /// After a crawl (<c>--detect-pii</c>): classifies the columns of every table the crawl created, updated or left
    /// unchanged and records their entity types in <see cref="EntityTypesParameter"/>. A table that does not load is
    /// reported with its error and the others are still classified.
    /// </summary>
    public static async Task<IReadOnlyList<PiiTableRecord>> RecordCrawlAsync(
        DataCatalog catalog, CrawlResult crawl, PiiOptions? options = null, CancellationToken cancellationToken = default)
    {
        var records = new List<PiiTableRecord>();
        foreach (var table in crawl.Tables.Where(t => t.Change is TableChange.Created or TableChange.Updated or TableChange.Unchanged))
        {
            var name = $"{crawl.Run.DatabaseName}.{table.Name}";
            try
            {
                var detection = await RecordInCatalogAsync(catalog, name, options, cancellationToken);
                records.Add(new(name, detection.ColumnEntityTypes(), null));
            }
            catch (DevEndpointException e)
            {
                records.Add(new(name, new Dictionary<string, string>(), e.Message));
            }
        }

        return records;
    }

    /// <summary>What <see cref="RecordCrawlAsync"/> did, in one line per table classified, as the crawl reports it.</summary>
    public static IEnumerable<string> DescribeCrawl(IReadOnlyList<PiiTableRecord> records) =>
        records.Select(r => r.Error is not null
            ? $"{r.Table}: not classified: {r.Error}"
            : r.ColumnEntityTypes.Count == 0
                ? $"{r.Table}: no sensitive data"
                : $"{r.Table}: {string.Join(", ", r.ColumnEntityTypes.Select(c => $"{c.Key} {c.Value}"))}");
}
