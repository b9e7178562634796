using DevEndpoint.Frames;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class SqlMagicTests
{
    [Fact]
    public async Task A_query_over_a_partitioned_catalog_table_equals_the_loaded_table_grouped_in_csharp()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var query = await fixture.SubmitAsync(
            $"#!sql --as totals --catalog {fixture.CatalogPath}\nSELECT status, count(*) AS orders, sum(amount) AS amount\nFROM sales.orders WHERE year = '2024'\nGROUP BY status ORDER BY status");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --where \"year = '2024'\""));

        KernelFixture.AssertSucceeded(query);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("totals", out var totals));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        var expected = Enumerable.Range(0, (int)orders.Rows.Count)
            .GroupBy(r => (string)orders["status"][r])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Select(g => g.Key), totals["status"].Cast<string>());
        Assert.Equal(expected.Select(g => (long?)g.Count()), totals["orders"].Cast<long?>());
        Assert.Equal(expected.Select(g => (decimal?)g.Sum(r => (decimal)orders["amount"][r])), totals["amount"].Cast<decimal?>());
        Assert.Contains($"totals: {expected.Count} rows x 3 columns.", KernelFixture.Html(query));
    }

    [Fact]
    public async Task A_csharp_variable_is_bound_as_a_parameter_and_a_dataframe_variable_is_a_table()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.products --as products"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync("var cheapest = 20m; var evil = \"x'; DROP TABLE products; --\";"));

        var query = await fixture.SubmitAsync(
            $"#!sql --catalog {fixture.CatalogPath}\nSELECT count(*) AS n FROM products WHERE price < {{{{cheapest}}}} OR name = {{{{evil}}}}");

        KernelFixture.AssertSucceeded(query);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("sql_result", out var result));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("products", out var products));
        Assert.Equal((long)products["price"].Cast<decimal?>().Count(p => p < 20m), result["n"][0]);
    }

    [Fact]
    public async Task Strings_utf8_puts_text_columns_as_utf8_bytes_and_an_unknown_storage_fails()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var query = await fixture.SubmitAsync($"#!sql --as texts --strings utf8 --catalog {fixture.CatalogPath}\nSELECT 'a' || i AS t FROM range(3) r(i)");
        var wrong = await fixture.SubmitAsync($"#!sql --strings bytes --catalog {fixture.CatalogPath}\nSELECT 1");

        KernelFixture.AssertSucceeded(query);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("texts", out var texts));
        var column = Assert.IsType<Utf8StringDataFrameColumn>(texts["t"]);
        Assert.Equal(["a0", "a1", "a2"], Enumerable.Range(0, 3).Select(i => column[i]));
        Assert.Equal("Unknown string storage 'bytes'. Use auto, dotnet (.NET strings) or utf8 (UTF-8 bytes: less memory, read-only).", KernelFixture.Failure(wrong));
    }

    [Fact]
    public async Task A_saved_query_composes_into_a_later_cell()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            $"#!sql --save big --as big --catalog {fixture.CatalogPath}\nSELECT order_id, amount FROM sales.orders WHERE amount > 400"));
        var count = await fixture.SubmitAsync($"#!sql --with big --as n --catalog {fixture.CatalogPath}\nSELECT count(*) AS n FROM big");

        KernelFixture.AssertSucceeded(count);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("big", out var big));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("n", out var n));
        Assert.Equal(big.Rows.Count, n["n"][0]);
    }

    [Fact]
    public async Task A_failing_query_fails_the_cell_naming_its_line_and_column()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.SubmitAsync($"#!sql --catalog {fixture.CatalogPath}\nSELECT order_id\nFROM sales.orders\nWHERE amout > 10");
        var unknown = await fixture.SubmitAsync($"#!sql --catalog {fixture.CatalogPath}\nSELECT * FROM orders");

        Assert.Equal("Line 3, column 7: Binder Error: Referenced column \"amout\" not found in FROM clause!\nCandidate bindings: \"amount\", \"month\", \"status\", \"customer_id\", \"order_date\"", KernelFixture.Failure(result));
        Assert.Equal("Table 'orders' is neither a catalog table nor a DataFrame variable. Did you mean 'sales.orders'?", KernelFixture.Failure(unknown));
    }

    [Fact]
    public async Task A_misspelt_option_fails_naming_the_closest_and_help_shows_the_options()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var wrong = await fixture.SubmitAsync("#!sql --sve big\nSELECT 1");
        var help = await fixture.SubmitAsync("#!sql --help");
        var limit = await fixture.SubmitAsync("#!sql --limit ten\nSELECT 1");
        var name = await fixture.SubmitAsync("#!sql --as 1st\nSELECT 1");

        Assert.Equal("Unknown option '--sve' for #!sql. Did you mean '--save'? #!sql takes --as, --save, --with, --limit, --strings, --catalog; #!sql --help describes them.", KernelFixture.Failure(wrong));
        Assert.Equal("#!sql --limit must be a whole number, such as 100; got 'ten'.", KernelFixture.Failure(limit));
        Assert.Equal("'1st' is not a valid C# variable name for --as. Use letters, digits and underscores, starting with a letter.", KernelFixture.Failure(name));
        KernelFixture.AssertSucceeded(help);
        Assert.Contains("--with", KernelFixture.Html(help));
    }

    [Fact]
    public async Task Sql_and_dq_in_a_notebook_without_a_csharp_kernel_fail_saying_they_need_one()
    {
        var home = Path.Combine(Path.GetTempPath(), "devendpoint-no-csharp-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var kernel = new CompositeKernel();
            await new DevEndpointKernelExtension(home).OnLoadAsync(kernel);

            var sql = await kernel.SendAsync(new SubmitCode("#!sql\nSELECT 1 AS one"));
            var dq = await kernel.SendAsync(new SubmitCode("#!dq main.t\nRules = [ RowCount > 0 ]"));

            Assert.Equal("#!sql reads and sets C# variables, and this notebook has no C# kernel ('csharp').", Assert.Single(sql.Events.OfType<CommandFailed>()).Message);
            Assert.Equal("#!dq reads and sets C# variables, and this notebook has no C# kernel ('csharp').", Assert.Single(dq.Events.OfType<CommandFailed>()).Message);
        }
        finally
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }
}
