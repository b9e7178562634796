using DevEndpoint.Catalog;
using DevEndpoint.Sources;
using DevEndpoint.Tests.Sources.Databases;

namespace DevEndpoint.Tests.Sources;

public sealed class CrawlRequestTests
{
    [Fact]
    public void A_request_with_neither_a_folder_nor_a_connection_asks_for_one_naming_the_magic_only_where_it_is_given()
    {
        var fromTheCli = Assert.Throws<DevEndpointException>(() => new CrawlRequest { Database = "lake" }.Validate());
        var fromTheMagic = Assert.Throws<DevEndpointException>(() => new CrawlRequest { Path = string.Empty, Command = "#!crawl", Database = "lake" }.Validate());

        Assert.Equal("Give the folder to crawl, or --connection <name> with --include to crawl a database.", fromTheCli.Message);
        Assert.Equal("Give #!crawl the folder to crawl, or --connection <name> with --include to crawl a database.", fromTheMagic.Message);
    }

    [Fact]
    public void A_connection_with_a_local_folder_is_a_database_crawl_that_says_to_leave_out_the_path()
    {
        var request = new CrawlRequest { Path = "data/orders", Connection = "shop", Database = "shop" };

        var error = Assert.Throws<DevEndpointException>(request.Validate);

        Assert.True(request.IsDatabase);
        Assert.Equal("A crawl of connection 'shop' reads the tables its --include paths name, not 'data/orders'. Leave out the path.", error.Message);
    }

    [Fact]
    public void A_connection_with_an_s3_prefix_reads_the_prefix_through_it_and_a_connection_alone_crawls_the_database()
    {
        Assert.False(new CrawlRequest { Path = "s3://lake/orders", Connection = "lake", Database = "lake" }.IsDatabase);
        Assert.False(new CrawlRequest { Path = "data/orders", Database = "lake" }.IsDatabase);
        Assert.True(new CrawlRequest { Connection = "shop", Database = "shop" }.IsDatabase);
    }

    [Fact]
    public async Task A_folder_request_runs_the_folder_crawler_and_records_its_tables()
    {
        using var folder = new TempFolder();
        folder.Write("lake/orders/part-0.csv", "id,amount\n1,2.5\n2,4.0\n");
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));

        var result = await new CrawlRequest { Path = folder.Combine("lake"), Database = "lake", Exclusions = ["**/*.tmp"] }.RunAsync(catalog);

        var table = Assert.Single(result.Tables);
        Assert.Equal(("orders", TableChange.Created, "csv"), (table.Name, table.Change, table.Classification));
        Assert.Equal(["id", "amount"], catalog.GetTable(new TableName("lake", "orders")).StorageDescriptor.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task A_connection_request_runs_the_database_crawler_over_its_include_paths()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Sqlite);
        await db.ExecuteAsync("CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL)");

        var result = await new CrawlRequest { Connection = "src", Database = "src", Includes = [db.Include] }.RunAsync(db.Catalog);

        Assert.Equal(db.TableName("orders"), Assert.Single(result.Tables).Name);
        Assert.Equal("sqlite", db.Catalog.GetTable(new TableName("src", db.TableName("orders"))).Parameter("classification"));
    }
}
