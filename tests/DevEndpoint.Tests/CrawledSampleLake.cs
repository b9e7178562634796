using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Samples;

namespace DevEndpoint.Tests;

/// <summary>The sample sales lake written to a temporary folder and crawled into database <c>sales</c> of a catalog there.</summary>
internal sealed class CrawledSampleLake : IDisposable
{
    private CrawledSampleLake(TempFolder temp, DataCatalog catalog, CrawlResult result)
    {
        Temp = temp;
        Catalog = catalog;
        Result = result;
    }

    public TempFolder Temp { get; }

    public DataCatalog Catalog { get; }

    /// <summary>The result of the first crawl.</summary>
    public CrawlResult Result { get; }

    public string LakePath => Temp.Combine("lake");

    public static async Task<CrawledSampleLake> CreateAsync(params string[] exclusions)
    {
        var temp = new TempFolder();
        try
        {
            await SampleLake.WriteAsync(temp.Combine("lake"));
            var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
            var lake = new CrawledSampleLake(temp, catalog, null!);
            return new CrawledSampleLake(temp, catalog, await lake.CrawlAsync(exclusions));
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    public Task<CrawlResult> CrawlAsync(params string[] exclusions) =>
        new Crawler(Catalog).CrawlAsync(new CrawlOptions { Path = LakePath, Database = "sales", Exclusions = exclusions });

    public Task<LoadResult> LoadAsync(string table, LoadOptions? options = null) =>
        new TableLoader(Catalog).LoadAsync(table, options);

    /// <summary>The full path of the CSV file of one orders partition.</summary>
    public string OrdersFile(string year, string month) =>
        Path.Combine(LakePath, "orders", $"year={year}", $"month={month}", "part-0000.csv");

    public void Dispose() => Temp.Dispose();
}
