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

    [Fact]
    public async Task A_table_of_many_partitions_shows_them_a_page_at_a_time_with_a_count()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var lake = Path.Combine(fixture.Folder, "many");
        for (var k = 0; k < 45; k++)
        {
            var folder = Path.Combine(lake, "events", $"k={k:00}");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "part.csv"), "id,name\n1,a\n2,b\n");
        }

        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!crawl {lake} --database many"));

        var first = KernelFixture.Html(await fixture.MagicAsync("#!catalog many.events"));
        var last = KernelFixture.Html(await fixture.MagicAsync("#!catalog many.events --page 3"));
        var beyond = await fixture.MagicAsync("#!catalog many.events --page 4");

        Assert.Contains("Partitions (45)", first);
        Assert.Contains("45 partitions, showing 1 to 20; #!catalog many.events --page 2 shows the next 20.", first);
        Assert.Contains("<td style=\"text-align:right\">19</td>", first);
        Assert.DoesNotContain("<td style=\"text-align:right\">20</td>", first);
        Assert.Contains("45 partitions, showing 41 to 45.", last);
        Assert.Contains("<td style=\"text-align:right\">44</td>", last);
        Assert.DoesNotContain("<td style=\"text-align:right\">39</td>", last);
        Assert.Equal("many.events has 45 partitions, 3 pages of 20: give --page 1 to 3.", KernelFixture.Failure(beyond));
    }
}
