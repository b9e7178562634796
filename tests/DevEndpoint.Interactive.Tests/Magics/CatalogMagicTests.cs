namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class CatalogMagicTests
{
    [Fact]
    public async Task Catalog_lists_databases_then_tables_then_a_tables_columns()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var databases = KernelFixture.Html(await fixture.MagicAsync("#!catalog"));
        var tables = KernelFixture.Html(await fixture.MagicAsync("#!catalog sales"));
        var orders = KernelFixture.Html(await fixture.MagicAsync("#!catalog sales.orders"));

        Assert.Contains("<td>sales</td><td>3</td>", databases);
        Assert.Contains("<td>customers</td><td>json</td>", tables);
        Assert.Contains("<td>products</td><td>parquet</td>", tables);
        Assert.Contains("<td>orders</td><td>csv</td><td>6</td><td>year, month</td><td>200</td>", tables);
        Assert.Contains("<tr><td>amount</td><td>decimal(10,2)</td><td></td></tr>", orders);
        Assert.Contains("<tr><td>year</td><td>string</td><td>yes</td></tr>", orders);
        Assert.Contains("Partitions (5)", orders);
    }

    [Fact]
    public async Task Catalog_of_an_unknown_database_suggests_the_closest()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!catalog sale");

        Assert.Equal(
            $"Database 'sale' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'sales'?",
            KernelFixture.Failure(result));
    }
}
