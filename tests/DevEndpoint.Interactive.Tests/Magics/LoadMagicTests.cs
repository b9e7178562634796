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
    public async Task Load_with_a_predicate_on_data_columns_prunes_by_the_partition_terms_and_filters_by_the_rest()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var load = await fixture.MagicAsync("#!load sales.orders --as big --where \"month = '01' AND amount >= 300\" --columns order_id,month");

        // The sample's only quoted field is the last one ("gift wrap, please"), so a plain split finds the amount.
        var expected = File.ReadLines(Path.Combine(fixture.Lake, "orders", "year=2024", "month=01", "part-0000.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => decimal.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture) >= 300)
            .Select(fields => int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        KernelFixture.AssertSucceeded(load);
        Assert.Contains($"Loaded sales.orders into big: {expected.Count} rows x 2 columns from 1 files, 1 of 5 partitions", KernelFixture.Html(load));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("big", out var big));
        Assert.Equal(expected, big["order_id"].Cast<int?>().Select(id => id!.Value));
    }

    [Fact]
    public async Task Load_with_a_predicate_on_an_unknown_column_names_the_closest_column()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!load sales.orders --as orders --where \"ammount > 100\"");

        Assert.Equal(
            "Column 'ammount' at position 1 of the predicate does not exist in sales.orders. Did you mean 'amount'? Columns: order_id, customer_id, order_date, amount, status, note, year, month.",
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

    [Fact]
    public async Task Bad_rows_are_counted_and_shown_under_the_load_and_kept_in_the_errors_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var file = BreakFirstOrder(fixture);

        var load = await fixture.MagicAsync("#!load sales.orders --as orders --errors-as rejected --where \"year = '2024' AND month = '01'\"");

        KernelFixture.AssertSucceeded(load);
        var html = KernelFixture.Html(load);
        Assert.Contains("Loaded sales.orders into orders: 39 rows", html);
        Assert.Contains("1 bad rows left out, set aside in rejected.", html);
        Assert.Contains("cannot read &#39;abc&#39; as int", html);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("rejected", out var rejected));
        Assert.Equal(new object?[] { file, 2L, "order_id", "abc", "cannot read 'abc' as int" }, rejected.Rows[0].ToArray());
    }

    [Fact]
    public async Task Fail_fast_stops_at_the_bad_row_and_names_it()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var file = BreakFirstOrder(fixture);

        var load = await fixture.MagicAsync("#!load sales.orders --as orders --mode failfast");

        Assert.Equal(
            $"{file}: line 2, column 'order_id': cannot read 'abc' as int. Fix the value, or re-crawl the table if its data changed.",
            KernelFixture.Failure(load));
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_with_the_modes_there_are()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var load = await fixture.MagicAsync("#!load sales.orders --as orders --mode lenient");

        Assert.Equal(
            "Unknown mode 'lenient'. Use permissive (bad rows set aside), failfast (stop at the first bad row) or dropmalformed (bad rows dropped and counted).",
            KernelFixture.Failure(load));
    }

    [Fact]
    public async Task A_sample_and_utf8_strings_reach_the_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var load = await fixture.MagicAsync("#!load sales.orders --as orders --sample 0.5 --strings utf8");

        KernelFixture.AssertSucceeded(load);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.InRange(orders.Rows.Count, 60, 140);
        Assert.Contains(orders.Columns, c => c is ArrowStringDataFrameColumn);
    }

    /// <summary>Puts a value that is not an int in the first order of January 2024; returns the file.</summary>
    private static string BreakFirstOrder(KernelFixture fixture)
    {
        var file = Path.Combine(fixture.Lake, "orders", "year=2024", "month=01", "part-0000.csv");
        var lines = File.ReadAllLines(file);
        lines[1] = "abc" + lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..];
        File.WriteAllLines(file, lines);
        return file;
    }
}
