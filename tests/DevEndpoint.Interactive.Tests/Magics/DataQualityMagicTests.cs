using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.DataQuality;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class DataQualityMagicTests
{
    [Fact]
    public async Task The_cells_rules_run_over_a_catalog_table_with_their_results_shown_and_rows_in_a_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.products --as products"));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("products", out var products));
        var prices = products["price"].Cast<decimal?>().ToList();
        var cheap = prices.Count(p => p < 20m);

        var check = await fixture.SubmitAsync(
            $"#!dq sales.products --rows outcomes --catalog {fixture.CatalogPath}\nRules = [\n  RowCount = {prices.Count},\n  ColumnValues \"price\" < 20\n]");

        KernelFixture.AssertSucceeded(check);
        var html = KernelFixture.Html(check);
        Assert.Contains($"sales.products: 1 of 2 rules passed (score 0.5)", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"color:#cf222e;font-weight:bold\">FAIL</td>", html, StringComparison.Ordinal);
        Assert.Contains($"Column.price.ColumnValues.Compliance = {(cheap / (double)prices.Count).ToString("0.######", CultureInfo.InvariantCulture)}", html, StringComparison.Ordinal);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("outcomes", out var rows));
        Assert.Equal(prices.Count - cheap, rows["DataQualityEvaluationResult"].Cast<string>().Count(r => r == "Failed"));
    }

    [Fact]
    public async Task A_ruleset_written_wrongly_fails_the_cell_at_its_line_and_column()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var check = await fixture.SubmitAsync($"#!dq sales.products --catalog {fixture.CatalogPath}\nRules = [\n  RowCount > 0\n  IsComplete \"price\"\n]");

        Assert.Equal("Ruleset line 3, column 3: expected ',' between rules or ']' to close the list, found 'IsComplete'.", KernelFixture.Failure(check));
    }

    [Fact]
    public async Task Suggest_shows_recommended_rules_for_a_dataframe_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.products --as products"));

        var suggested = await fixture.SubmitAsync($"#!dq products --suggest --catalog {fixture.CatalogPath}\n# recommendations for the DataFrame products");

        KernelFixture.AssertSucceeded(suggested);
        Assert.Contains("Recommended rules for products", KernelFixture.Html(suggested), StringComparison.Ordinal);
        Assert.Contains("RowCount between", KernelFixture.Html(suggested), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_of_only_the_magic_line_runs_the_tables_saved_ruleset()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        DataQualityRulesets.Create(DataCatalog.Open(fixture.CatalogPath), "products-basics", "sales.products", "Rules = [ RowCount > 0, IsComplete \"price\" ]");

        var check = await fixture.SubmitAsync($"#!dq sales.products --catalog {fixture.CatalogPath}");

        KernelFixture.AssertSucceeded(check);
        Assert.Contains("sales.products: 2 of 2 rules passed (score 1)", KernelFixture.Html(check), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_of_only_the_magic_line_for_a_table_without_a_saved_ruleset_says_what_to_write()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var check = await fixture.SubmitAsync($"#!dq sales.products --catalog {fixture.CatalogPath}");

        Assert.Equal(
            "#!dq checks the DQDL in the rest of the cell (Rules = [ ... ]), or a ruleset of the catalog with --ruleset <name>; the cell has no rules and the catalog no ruleset for sales.products. #!dq sales.products --suggest recommends one.",
            KernelFixture.Failure(check));
    }

    [Fact]
    public async Task Suggest_needs_no_cell_body()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var suggested = await fixture.SubmitAsync($"#!dq sales.products --suggest --catalog {fixture.CatalogPath}");

        KernelFixture.AssertSucceeded(suggested);
        Assert.Contains("Recommended rules for sales.products", KernelFixture.Html(suggested), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_from_a_profile_variable_or_file_shows_the_same_rules_as_from_the_table()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!profile sales.products --as productsProfile"));
        Assert.True(fixture.CSharp.TryGetValue<DevEndpoint.Profiles.TableProfile>("productsProfile", out var profile));
        var file = Path.Combine(Path.GetDirectoryName(fixture.CatalogPath)!, "products-profile.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new { Profile = profile }));

        var fromTable = await fixture.SubmitAsync($"#!dq sales.products --suggest --catalog {fixture.CatalogPath}");
        var fromVariable = await fixture.SubmitAsync($"#!dq --suggest --from-profile productsProfile --catalog {fixture.CatalogPath}");
        var fromFile = await fixture.SubmitAsync($"#!dq sales.products --suggest --from-profile {file} --catalog {fixture.CatalogPath}");
        var neither = await fixture.SubmitAsync($"#!dq --suggest --catalog {fixture.CatalogPath}");

        KernelFixture.AssertSucceeded(fromVariable);
        Assert.Contains("Recommended rules for sales.products", KernelFixture.Html(fromVariable), StringComparison.Ordinal);
        Assert.Equal(KernelFixture.Html(fromTable), KernelFixture.Html(fromVariable));
        Assert.Equal(KernelFixture.Html(fromTable), KernelFixture.Html(fromFile));
        Assert.Equal(
            "#!dq --suggest needs the table to measure: #!dq <database>.<table> --suggest, or a saved profile: #!dq --suggest --from-profile <file|variable>.",
            KernelFixture.Failure(neither));
    }

    [Fact]
    public async Task A_cell_without_a_table_or_rules_says_what_it_needs()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var rulesWithoutTable = await fixture.SubmitAsync($"#!dq --catalog {fixture.CatalogPath}\nRules = [ RowCount > 0 ]");
        var neither = await fixture.SubmitAsync($"#!dq --catalog {fixture.CatalogPath}");

        Assert.Equal("#!dq needs the table to check: #!dq <database>.<table>, or the name of a DataFrame variable.", KernelFixture.Failure(rulesWithoutTable));
        Assert.Equal(
            "#!dq checks the DQDL in the rest of the cell (Rules = [ ... ]), or a ruleset of the catalog with --ruleset <name>; this cell has neither.",
            KernelFixture.Failure(neither));
    }

    [Fact]
    public async Task A_target_that_is_neither_a_table_nor_a_dataframe_variable_fails_the_cell_saying_how_to_name_it()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var check = await fixture.SubmitAsync($"#!dq products --catalog {fixture.CatalogPath}\nRules = [ RowCount > 0 ]");
        var suggest = await fixture.SubmitAsync($"#!dq products --suggest --catalog {fixture.CatalogPath}");

        Assert.Equal("'products' is not a table: name it as <database>.<table>.", KernelFixture.Failure(check));
        Assert.Equal("'products' is not a table: name it as <database>.<table>.", KernelFixture.Failure(suggest));
    }

    [Fact]
    public async Task Rows_of_a_table_with_several_saved_rulesets_need_one_of_them_named()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var catalog = DataCatalog.Open(fixture.CatalogPath);
        DataQualityRulesets.Create(catalog, "products-size", "sales.products", "Rules = [ RowCount > 0 ]");
        DataQualityRulesets.Create(catalog, "products-prices", "sales.products", "Rules = [ IsComplete \"price\" ]");

        var both = await fixture.SubmitAsync($"#!dq sales.products --rows outcomes --catalog {fixture.CatalogPath}");
        var named = await fixture.SubmitAsync($"#!dq sales.products --ruleset products-prices --rows outcomes --catalog {fixture.CatalogPath}");

        Assert.Equal(
            "The catalog keeps 2 rulesets for sales.products (products-prices, products-size), and --rows takes the rows of one: name it with --ruleset <name>.",
            KernelFixture.Failure(both));
        KernelFixture.AssertSucceeded(named);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("outcomes", out var rows));
        Assert.Contains("DataQualityEvaluationResult", rows.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task The_magic_alone_shows_its_help()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var help = await fixture.SubmitAsync("#!dq");

        KernelFixture.AssertSucceeded(help);
        Assert.Contains("--ruleset", KernelFixture.Html(help), StringComparison.Ordinal);
        Assert.Contains("--suggest", KernelFixture.Html(help), StringComparison.Ordinal);
    }
}
