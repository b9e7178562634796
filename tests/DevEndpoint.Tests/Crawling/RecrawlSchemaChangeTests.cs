using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

/// <summary>What a recrawl with schema change policy log says changed when it keeps a table as it was.</summary>
public sealed class RecrawlSchemaChangeTests
{
    [Fact]
    public async Task A_logged_schema_change_names_retyped_columns_new_partition_keys_and_a_new_classification()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        temp.Write("lake/t/a.csv", "id,n\n1,2\n3,4\n");
        var options = new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" };
        await new Crawler(catalog).CrawlAsync(options);
        File.Delete(temp.Combine("lake", "t", "a.csv"));
        temp.Write("lake/t/k=1/a.json", "{\"id\": 1, \"n\": \"x\"}\n");

        var again = await new Crawler(catalog).CrawlAsync(options with { SchemaChange = SchemaChangePolicy.Log });

        Assert.Equal(
            "t: schema changed (types changed: n int -> string; partition keys: () -> (k); classification: csv -> json); the table is kept as it was (schema change policy log)",
            string.Join("; ", again.Notices.Select(n => $"{n.Table}: {n.Message}")));
        Assert.Equal("csv", catalog.GetTable(new TableName("lake", "t")).Parameter("classification"));
    }
}
