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

        Assert.Contains("<td style=\"text-align:left\">sales</td><td style=\"text-align:right\">3</td>", databases);
        Assert.Contains("<td style=\"text-align:left\">customers</td><td style=\"text-align:left\">json</td>", tables);
        Assert.Contains("<td style=\"text-align:left\">products</td><td style=\"text-align:left\">parquet</td>", tables);
        Assert.Contains("<td style=\"text-align:left\">orders</td><td style=\"text-align:left\">csv</td><td style=\"text-align:right\">6</td><td style=\"text-align:left\">year, month</td><td style=\"text-align:right\">200</td>", tables);
        Assert.Contains("<tr><td style=\"text-align:left\">amount</td><td style=\"text-align:left\">decimal(10,2)</td><td style=\"text-align:left\"></td></tr>", orders);
        Assert.Contains("<tr><td style=\"text-align:left\">year</td><td style=\"text-align:left\">string</td><td style=\"text-align:left\">yes</td></tr>", orders);
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
