using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class RecrawlClassificationChangeTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public async Task A_table_a_custom_classifier_claims_on_a_recrawl_takes_only_the_new_columns()
    {
        temp.Write("lake/apps/app.log", string.Concat(Enumerable.Range(1, 6).Select(i => $"2024-01-05 10:00:0{i} INFO auth user {1000 + i} signed in\n")));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var crawler = new Crawler(catalog);
        await crawler.CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "logs" });
        var before = catalog.GetTable(new TableName("logs", "apps"));
        catalog.Update(u => u.PutClassifier(new GrokCustomClassifier
        {
            Name = "applog",
            Classification = "applog",
            GrokPattern = "%{NOTSPACE:day} %{NOTSPACE:time} %{WORD:level} %{WORD:service} %{GREEDYDATA:message}",
        }));

        await crawler.CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "logs", Classifiers = ["applog"] });

        var after = catalog.GetTable(new TableName("logs", "apps"));
        Assert.Equal("csv", before.Parameter("classification"));
        Assert.Equal("applog", after.Parameter("classification"));
        Assert.Equal(["day", "time", "level", "service", "message"], after.StorageDescriptor.Columns.Select(c => c.Name));
        Assert.Equal(2, after.VersionId);
        Assert.Equal(before.StorageDescriptor.Columns, catalog.GetTableVersions(new TableName("logs", "apps"))[1].Table.StorageDescriptor.Columns);
    }

    public void Dispose() => temp.Dispose();
}
