using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Crawling;

/// <summary>A column that holds only nulls in a file says nothing about its type: the other files decide it.</summary>
public sealed class CrawlNullColumnTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_partition_whose_column_is_empty_keeps_the_type_the_other_partitions_give_it()
    {
        temp.Write("lake/sales/year=2024/month=01/a.csv", "id,amount\n1,1.50\n2,2.25\n");
        temp.Write("lake/sales/year=2024/month=02/a.csv", "id,amount\n3,\n4,\n");
        temp.Write("lake/events/a.json", "{\"id\":1,\"score\":null}\n");
        temp.Write("lake/events/b.json", "{\"id\":2,\"score\":7}\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var sales = catalog.GetTable(new TableName("lake", "sales"));
        Assert.Equal("decimal(10,2)", sales.StorageDescriptor.Columns.Single(c => c.Name == "amount").Type);
        Assert.All(sales.StorageDescriptor.Columns, c => Assert.Null(c.Parameters));
        Assert.Equal("int", catalog.GetTable(new TableName("lake", "events")).StorageDescriptor.Columns.Single(c => c.Name == "score").Type);
        var frame = (await new TableLoader(catalog).LoadAsync("lake.sales")).Frame;
        Assert.Equal(new object?[] { 1.50m, 2.25m, null, null }, frame.Columns["amount"].Cast<object?>().ToArray());
    }

    [Fact]
    public async Task A_column_empty_in_every_file_is_a_string_with_no_mark_left_on_it()
    {
        temp.Write("lake/notes/a.csv", "id,remark\n1,\n2,\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var remark = catalog.GetTable(new TableName("lake", "notes")).StorageDescriptor.Columns.Single(c => c.Name == "remark");
        Assert.Equal(new Column("remark", "string"), remark);
        Assert.Null(remark.Parameters);
    }
}
