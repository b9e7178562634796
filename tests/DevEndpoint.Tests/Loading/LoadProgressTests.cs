using System.Collections.Concurrent;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class LoadProgressTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData(1_000L)]
    public async Task A_load_reports_each_file_read_and_the_rows_so_far(long? limit)
    {
        temp.Write("lake/sales/day=1/a.csv", "id\n1\n2\n");
        temp.Write("lake/sales/day=2/a.csv", "id\n3\n");
        temp.Write("lake/sales/day=3/a.csv", "id\n4\n5\n6\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var reports = new Reports();

        await new TableLoader(catalog).LoadAsync("lake.sales", new LoadOptions { Limit = limit }, progress: reports);

        Assert.Equal([1, 2, 3], reports.Values.Select(r => r.FilesRead).Order());
        Assert.All(reports.Values, r => Assert.Equal(3, r.Files));
        Assert.Equal(6, reports.Values.Max(r => r.Rows));
    }

    private sealed class Reports : IProgress<LoadProgress>
    {
        public ConcurrentBag<LoadProgress> Values { get; } = [];

        public void Report(LoadProgress value) => Values.Add(value);
    }
}
