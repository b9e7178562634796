using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlChoiceTypeTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public async Task Values_that_conflict_within_a_file_are_recorded_as_a_choice()
    {
        temp.Write("lake/prices/a.csv", "id,price,label\n1,10,alpha\n2,abc,beta\n3,12,gamma\n");

        var table = await CrawlAsync("prices");

        var price = table.StorageDescriptor.Columns.Single(c => c.Name == "price");
        Assert.Equal("string", price.Type);
        Assert.Equal(["int", "string"], price.Choices);
        Assert.Empty(table.StorageDescriptor.Columns.Single(c => c.Name == "label").Choices);
    }

    [Fact]
    public async Task Partitions_whose_column_types_conflict_make_a_choice_that_survives_the_catalog()
    {
        temp.Write("lake/flags/day=1/a.csv", "id,flag\n1,10\n2,20\n");
        temp.Write("lake/flags/day=2/a.csv", "id,flag\n3,true\n4,false\n");

        var table = await CrawlAsync("flags");

        var flag = table.StorageDescriptor.Columns.Single(c => c.Name == "flag");
        Assert.Equal("string", flag.Type);
        Assert.Equal(["int", "boolean"], flag.Choices);
    }

    public void Dispose() => temp.Dispose();

    private async Task<CatalogTable> CrawlAsync(string table)
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "shop" });
        return DataCatalog.Open(temp.Combine("catalog.db")).GetTable(new TableName("shop", table));
    }
}
