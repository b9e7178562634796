using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class LoadMagicTests
{
    [Fact]
    public async Task Load_puts_a_DataFrame_variable_in_the_csharp_kernel()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var load = await fixture.MagicAsync(
            "#!load sales.orders --as orders --where \"year = '2024' AND month IN ('01','02')\" --columns order_id,amount,year");
        var count = await fixture.SubmitAsync("orders.Rows.Count");

        KernelFixture.AssertSucceeded(load);
        Assert.Contains("Loaded sales.orders into orders: 80 rows x 3 columns from 2 files, 2 of 5 partitions", KernelFixture.Html(load));
        Assert.Contains(load.Events.OfType<DisplayedValueProduced>(), e => e.Value is DataFrame preview && preview.Rows.Count == 10);
        Assert.Equal(80L, Assert.Single(count.Events.OfType<ReturnValueProduced>()).Value);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.Equal(["order_id", "amount", "year"], orders.Columns.Select(c => c.Name));
        Assert.All(orders["year"].Cast<string>(), year => Assert.Equal("2024", year));
    }

    [Fact]
    public async Task Load_of_an_unknown_table_lists_the_closest_names()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!load sales.order --as orders");

        Assert.Equal(
            $"Table 'sales.order' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'sales.orders'?",
            KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Load_with_an_invalid_predicate_points_at_the_position()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!load sales.orders --as orders --where \"year = \"");

        var nl = Environment.NewLine;
        Assert.Equal(
            $"Invalid predicate at position 8: expected a value after =, found the end of the predicate.{nl}  year = {nl}         ^",
            KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Load_into_an_invalid_variable_name_is_refused()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!load sales.orders --as 2orders");

        Assert.Contains(
            "'2orders' is not a valid C# variable name for --as. Use letters, digits and underscores, starting with a letter.",
            KernelFixture.Failure(result));
    }
}
