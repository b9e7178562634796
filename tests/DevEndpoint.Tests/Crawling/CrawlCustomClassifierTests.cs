using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlCustomClassifierTests
{
    [Fact]
    public async Task A_custom_grok_classifier_wins_over_the_built_in_csv_classifier_and_gives_the_table_its_columns()
    {
        using var temp = new TempFolder();
        temp.Write("lake/orders/day1.txt", "AB-1,3,first\nCD-22,10,second\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(u => u.PutClassifier(new GrokCustomClassifier
        {
            Name = "orders_grok",
            Classification = "orders_log",
            GrokPattern = "%{ORDERID:order},%{INT:qty:int},%{WORD:note}",
            CustomPatterns = "ORDERID [A-Z]{2}-[0-9]+",
        }));

        var builtIn = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "plain" });
        var custom = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "logs", Classifiers = ["orders_grok"] });

        Assert.Equal("csv", Assert.Single(builtIn.Tables).Classification);
        var table = catalog.GetTable(new TableName("logs", Assert.Single(custom.Tables).Name));
        Assert.Equal(("orders_log", "orders_grok"), (table.Parameter("classification"), table.Parameter("classifier")));
        Assert.Equal(["order:string", "qty:int", "note:string"], table.StorageDescriptor.Columns.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal(StorageFormats.GrokSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
    }

    [Fact]
    public async Task Files_a_custom_classifier_does_not_match_fall_back_to_the_built_ins()
    {
        using var temp = new TempFolder();
        temp.Write("lake/people/people.csv", "id,name\n1,Ann\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(u => u.PutClassifier(new XmlCustomClassifier { Name = "books", Classification = "library", RowTag = "book" }));

        var result = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "db", Classifiers = ["books"] });

        var table = catalog.GetTable(new TableName("db", Assert.Single(result.Tables).Name));
        Assert.Equal(("csv", null), (table.Parameter("classification"), table.Parameter("classifier")));
    }

    [Fact]
    public async Task An_unknown_classifier_fails_the_crawl_before_it_records_anything()
    {
        using var temp = new TempFolder();
        temp.Write("lake/people/people.csv", "id,name\n1,Ann\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(u => u.PutClassifier(new JsonCustomClassifier { Name = "records", JsonPath = "$[*]" }));

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "db", Classifiers = ["record"] }));

        Assert.Equal($"Classifier 'record' does not exist in the catalog {catalog.Path}. Did you mean 'records'?", error.Message);
        Assert.Empty(catalog.GetCrawlRuns());
    }

    [Fact]
    public async Task A_table_a_json_path_classifier_made_loads_the_objects_of_the_selected_array()
    {
        using var temp = new TempFolder();
        temp.Write("lake/orders/page1.json", """{"page":1,"records":[{"id":1,"item":"pen"},{"id":2,"item":"ink"}]}""");
        temp.Write("lake/orders/page2.json", """{"page":2,"records":[{"id":3,"item":"pad"}]}""");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(u => u.PutClassifier(new JsonCustomClassifier { Name = "records", JsonPath = "$.records[*]" }));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "shop", Classifiers = ["records"] });

        var loaded = await new TableLoader(catalog).LoadAsync("shop.orders");

        Assert.Equal(["id", "item"], loaded.Frame.Columns.Select(c => c.Name));
        Assert.Equal(3, loaded.Frame.Rows.Count);
    }
}
