using System.Xml.Linq;
using DevEndpoint.Profiles;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class ProfileMagicTests
{
    [Fact]
    public async Task A_table_profile_shows_its_charts_and_equals_the_profile_of_the_loaded_table()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!profile sales.orders --as p --columns order_id,amount,status");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --columns order_id,amount,status"));
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!profile orders --as q"));

        KernelFixture.AssertSucceeded(result);
        Assert.True(fixture.CSharp.TryGetValue<TableProfile>("p", out var table));
        Assert.True(fixture.CSharp.TryGetValue<TableProfile>("q", out var frame));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.Equal(orders.Rows.Count, table.Rows);
        Assert.Equal(frame.Columns.Select(c => (c.Count, c.Nulls, c.Distinct, c.TopValues.Count)), table.Columns.Select(c => (c.Count, c.Nulls, c.Distinct, c.TopValues.Count)));
        Assert.Equal(frame["amount"]!.Mean!.Value, table["amount"]!.Mean!.Value, 9);
        var html = KernelFixture.Html(result);
        Assert.Contains("Profile of sales.orders", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"histogram\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"bar chart\"", html, StringComparison.Ordinal);
        Assert.Contains("The profile is in the C# variable p.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_writes_the_report_beside_the_notebook()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var page = Path.Combine(fixture.Folder, "orders.html");

        var result = await fixture.MagicAsync($"#!profile sales.orders --html {page}");

        KernelFixture.AssertSucceeded(result);
        Assert.Equal("Profile of sales.orders", XDocument.Parse(File.ReadAllText(page)).Descendants("title").Single().Value);
        Assert.Contains($"Wrote the HTML report to {page}.", KernelFixture.Html(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_variables_columns_and_empty_frames_fail_with_their_messages()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "var empty = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn(\"id\", 0));\n"
            + "var small = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn(\"amount\", new int?[] { 1, 2 }));"));

        var missing = await fixture.MagicAsync("#!profile nothing");
        var column = await fixture.MagicAsync("#!profile small --columns amout");
        var none = await fixture.MagicAsync("#!profile empty");

        Assert.Equal("There is no C# variable 'nothing'. Load or build a DataFrame into it first (#!load <db>.<table> --as nothing).", KernelFixture.Failure(missing));
        Assert.Equal("DataFrame small has no column 'amout'. Did you mean 'amount'? Its columns: amount.", KernelFixture.Failure(column));
        Assert.Equal("DataFrame empty has no rows to profile.", KernelFixture.Failure(none));
    }

    [Fact]
    public async Task Help_on_the_magic_lists_its_options()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync("#!profile --help");

        KernelFixture.AssertSucceeded(result);
        var html = KernelFixture.Html(result);
        Assert.Contains("--sample", html, StringComparison.Ordinal);
        Assert.Contains("--html", html, StringComparison.Ordinal);
    }
}
