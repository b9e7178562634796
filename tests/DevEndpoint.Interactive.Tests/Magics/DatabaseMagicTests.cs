using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class DatabaseMagicTests
{
    [ServerFact(ConnectionTypes.MySql)]
    public async Task Crawl_and_load_through_a_connection_put_a_typed_frame_in_a_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var variable = TestServers.PasswordVariable(ConnectionTypes.MySql);
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!connection add shop --type mysql --url \"{TestServers.Url(ConnectionTypes.MySql)}\" --user {TestServers.User(ConnectionTypes.MySql)} --password-env {variable}"));

        var crawl = await fixture.MagicAsync("#!crawl --connection shop --include shop/%orders% --database shop_db");
        var load = await fixture.MagicAsync("#!load shop_db.shop_orders --as orders --columns id,amount,shipped --where \"customer_id = 41 AND shipped IS NOT NULL\"");
        var value = await fixture.SubmitAsync("orders");

        KernelFixture.AssertSucceeded(crawl);
        KernelFixture.AssertSucceeded(load);
        Assert.Contains("<tr><td style=\"text-align:left\">shop_orders</td><td style=\"text-align:left\">created</td><td style=\"text-align:left\">mysql</td><td style=\"text-align:right\">8</td><td style=\"text-align:right\">1000</td></tr>", KernelFixture.Html(crawl));
        Assert.Contains("<tr><td style=\"text-align:left\">shop_big_orders</td><td style=\"text-align:left\">created</td><td style=\"text-align:left\">mysql</td><td style=\"text-align:right\">3</td><td style=\"text-align:right\">0</td></tr>", KernelFixture.Html(crawl));
        Assert.Contains($" columns from {TestServers.Target(ConnectionTypes.MySql)}/orders in 1 query, in ", KernelFixture.Html(load));
        var frame = Assert.IsType<DataFrame>(KernelFixture.ReturnValue(value));
        Assert.Equal(["id", "amount", "shipped"], frame.Columns.Select(c => c.Name));
        Assert.IsType<BooleanDataFrameColumn>(frame.Columns["shipped"]);
        Assert.All(frame.Columns["id"].Cast<long>(), id => Assert.True(1 + (id % 41) == 41 && id % 7 != 0, $"order {id} is not of customer 41 with a shipped flag"));
        Assert.Equal(Enumerable.Range(1, 1000).Count(i => 1 + (i % 41) == 41 && i % 7 != 0), (int)frame.Rows.Count);
        Assert.Equal("mysql", DataCatalog.Open(fixture.CatalogPath).GetTable(TableName.Parse("shop_db.shop_orders")).Parameter("classification"));
    }

    [Fact]
    public async Task A_crawl_without_a_folder_or_a_connection_fails_the_cell_saying_what_to_give()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.MagicAsync("#!crawl --database d");

        Assert.Equal("Give #!crawl the folder to crawl, or --connection <name> with --include to crawl a database.", KernelFixture.Failure(result));
    }
}
