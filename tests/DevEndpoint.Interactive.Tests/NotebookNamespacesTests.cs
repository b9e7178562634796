using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests;

public sealed class NotebookNamespacesTests
{
    [Fact]
    public async Task A_cell_joins_and_maps_loaded_frames_without_a_using_line()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --columns order_id,customer_id,amount"));
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.customers --as customers --columns customer_id,name"));

        var result = await fixture.SubmitAsync("""
            var named = orders
                .ApplyMapping(("order_id", "int", "id", "bigint"), ("customer_id", "int", "customer_id", "int"))
                .FailIfMoreErrorsThan(0)
                .Frame
                .Join(customers, "customer_id", JoinType.Inner)
                .ResolveChoice("name", "cast:string")
                .Frame;
            named
            """);

        var named = Assert.IsType<DataFrame>(KernelFixture.ReturnValue(result));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.Equal(orders.Rows.Count, named.Rows.Count);
        Assert.Equal(["id", "customer_id", "name"], named.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task A_first_cell_names_the_DevEndpoint_types_it_uses_without_a_using_line()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync("""
            var frame = new DataFrame(new Int64DataFrameColumn("minorunit", new long?[] { 2, 3 }));
            var options = new WriteOptions { Path = "out", Format = WriteFormat.Csv };
            var units = (double)frame.ApplyMapping(("minorunit", "bigint", "units", "double")).Frame["units"][1];
            string.Join("|", units == 3.0, options.Format, nameof(DataCatalog), nameof(JobBookmarks), nameof(TableLoader), nameof(Crawler))
            """);

        Assert.Equal("True|Csv|DataCatalog|JobBookmarks|TableLoader|Crawler", KernelFixture.ReturnValue(result));
    }

    [Fact]
    public async Task A_transform_on_the_variable_of_a_failed_cell_says_to_run_that_cell_again()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.SubmitAsync("DataFrame orders = null;");

        var result = await fixture.SubmitAsync("orders.SelectFields(\"order_id\")");

        var failure = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.Equal(
            "SelectFields: the frame is null. A cell that failed leaves its variables null: run the cell that makes it again.",
            Assert.IsType<DevEndpointException>(failure.Exception).Message);
    }

    [Fact]
    public void The_imported_namespaces_name_no_type_twice()
    {
        var namespaces = NotebookNamespaces.All.Concat(["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"]).ToHashSet();
        var assemblies = new[] { typeof(DataFrame).Assembly, typeof(DevEndpointException).Assembly, typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(List<>).Assembly, typeof(System.Collections.BitArray).Assembly };

        var clashes = assemblies.Distinct().SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested && t.Namespace is not null && namespaces.Contains(t.Namespace))
            .GroupBy(t => t.Name)
            .Where(g => g.Select(t => t.Namespace).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Namespace).Distinct())}")
            .ToList();

        Assert.Empty(clashes);
        Assert.Equal(
            ["Microsoft.Data.Analysis", "DevEndpoint", "DevEndpoint.Catalog", "DevEndpoint.Crawling", "DevEndpoint.Loading", "DevEndpoint.Frames", "DevEndpoint.Transforms", "DevEndpoint.Writing", "DevEndpoint.Jobs"],
            NotebookNamespaces.All);
    }
}
