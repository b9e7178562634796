using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlErrorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Crawling_a_folder_that_does_not_exist_says_where_it_looked()
    {
        var missing = temp.Combine("no-such-folder");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => Crawl(missing, "sales"));

        Assert.Equal(
            $"The folder '{missing}' does not exist (resolved to {missing}). Check the path; relative paths start from {Environment.CurrentDirectory}.",
            error.Message);
    }

    [Fact]
    public async Task Crawling_a_file_asks_for_its_folder()
    {
        var file = temp.Write("orders.csv", "a,b\n1,2\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => Crawl(file, "sales"));

        Assert.Equal($"'{file}' is a file. Crawl the folder that holds it: a table is a folder of files.", error.Message);
    }

    [Theory]
    [InlineData("sales-2024")]
    [InlineData("sales db")]
    [InlineData("")]
    [InlineData("ventes_é")]
    public async Task Crawling_into_an_invalid_database_name_says_which_names_are_valid(string database)
    {
        temp.Write("lake/orders/orders.csv", "a,b\n1,2\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => Crawl(temp.Combine("lake"), database));

        Assert.Equal(
            $"'{database}' is not a valid database name. Use letters, digits and underscores (catalog names are stored in lower case), for example sales_raw.",
            error.Message);
        Assert.Empty(DataCatalog.Open(temp.Combine("catalog.db")).GetDatabases());
    }

    [Fact]
    public async Task A_database_name_is_stored_in_lower_case()
    {
        temp.Write("lake/orders/orders.csv", "a,b\n1,2\n");

        var result = await Crawl(temp.Combine("lake"), " Sales_2024 ");

        Assert.Equal("sales_2024", result.Run.DatabaseName);
        Assert.Equal("sales_2024", Assert.Single(DataCatalog.Open(temp.Combine("catalog.db")).GetDatabases()).Name);
    }

    private Task<CrawlResult> Crawl(string path, string database) =>
        new Crawler(DataCatalog.Open(temp.Combine("catalog.db"))).CrawlAsync(new CrawlOptions { Path = path, Database = database });
}
