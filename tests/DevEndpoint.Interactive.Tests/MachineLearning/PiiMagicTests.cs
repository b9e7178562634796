using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.MachineLearning;

public sealed class PiiMagicTests
{
    private const string People =
        "var people = new Microsoft.Data.Analysis.DataFrame("
        + "new Microsoft.Data.Analysis.StringDataFrameColumn(\"contact\", new[] { \"mary@example.com\", \"call 212-555-0123\", \"none\" }),"
        + "new Microsoft.Data.Analysis.StringDataFrameColumn(\"ssn\", new[] { \"123-45-6789\", \"234-56-7890\", null }));";

    [Fact]
    public async Task Pii_on_a_variable_puts_the_entities_in_a_DataFrame_variable_and_shows_the_columns()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(People));

        var result = await fixture.SubmitAsync("#!pii people --as found --threshold-fraction 0.3");

        KernelFixture.AssertSucceeded(result);
        var html = KernelFixture.Html(result);
        Assert.Contains("Scanned 3 rows of people: 4 entities of 3 types; columns classified from 3 sampled rows at threshold 0.3.", html);
        Assert.Contains("<tr><td style=\"text-align:left\">contact</td><td style=\"text-align:left\">EMAIL</td><td style=\"text-align:right\">0.333</td><td style=\"text-align:right\">1</td><td style=\"text-align:right\">3</td></tr>", html);
        Assert.Contains("<tr><td style=\"text-align:left\">ssn</td><td style=\"text-align:left\">USA_SSN</td><td style=\"text-align:right\">1</td><td style=\"text-align:right\">2</td><td style=\"text-align:right\">2</td></tr>", html);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("found", out var found));
        Assert.Equal(["column", "row", "offset", "length", "entity_type"], found.Columns.Select(c => c.Name));
        Assert.Equal(["EMAIL", "USA_SSN", "PHONE_NUMBER", "USA_SSN"], found["entity_type"].Cast<string>());
    }

    [Fact]
    public async Task Pii_redact_puts_the_masked_data_in_the_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(People));

        var result = await fixture.SubmitAsync("#!pii people --action redact --entity-types USA_SSN --as masked");

        KernelFixture.AssertSucceeded(result);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("masked", out var masked));
        Assert.Equal(["*******", "*******", null], masked["ssn"].Cast<string?>());
        Assert.Equal(["mary@example.com", "call 212-555-0123", "none"], masked["contact"].Cast<string?>());
    }

    [Fact]
    public async Task Pii_record_on_a_catalog_table_keeps_the_entity_types_on_its_columns()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var lake = Path.Combine(fixture.Folder, "people");
        Directory.CreateDirectory(Path.Combine(lake, "people"));
        await File.WriteAllTextAsync(Path.Combine(lake, "people", "people.csv"), "id,email\n1,mary@example.com\n2,joe@example.org\n");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!crawl {lake} --database crm"));

        var result = await fixture.MagicAsync("#!pii crm.people --record");

        KernelFixture.AssertSucceeded(result);
        Assert.Contains("Recorded pii.entityTypes on 1 columns of crm.people in the catalog.", KernelFixture.Html(result));
        var columns = DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("crm", "people")).StorageDescriptor.Columns;
        Assert.Equal("EMAIL", columns.Single(c => c.Name == "email").Parameters!["pii.entityTypes"]);
        Assert.Null(columns.Single(c => c.Name == "id").Parameters);
    }

    [Fact]
    public async Task Crawl_with_detect_pii_shows_and_records_each_tables_entity_types()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var lake = Path.Combine(fixture.Folder, "hosts");
        Directory.CreateDirectory(Path.Combine(lake, "hosts"));
        await File.WriteAllTextAsync(Path.Combine(lake, "hosts", "hosts.csv"), "host,owner\n192.168.1.20,mary@example.com\n10.0.0.7,joe@example.org\n");

        var crawl = await fixture.MagicAsync($"#!crawl {lake} --database net --detect-pii");

        KernelFixture.AssertSucceeded(crawl);
        Assert.Contains("<div style=\"margin:4px 0\">net.hosts: host IP_ADDRESS, owner EMAIL</div>", KernelFixture.Html(crawl));
        var columns = DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("net", "hosts")).StorageDescriptor.Columns;
        Assert.Equal(["IP_ADDRESS", "EMAIL"], columns.Select(c => c.Parameters!["pii.entityTypes"]));
    }

    [Fact]
    public async Task Pii_errors_say_what_to_do()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(People));

        var missing = await fixture.SubmitAsync("#!pii nobody");
        var record = await fixture.SubmitAsync("#!pii people --record");
        var action = await fixture.SubmitAsync("#!pii people --action mask");

        Assert.Equal("There is no C# variable 'nobody'. Load or build a DataFrame into it first (#!load <db>.<table> --as nobody).", KernelFixture.Failure(missing));
        Assert.Equal(
            "--record keeps column types in the catalog, so it needs a catalog table as <database>.<table>, not the variable 'people'.",
            KernelFixture.Failure(record));
        Assert.Equal("'mask' is not an action. Use detect, redact, partial-redact or sha256-hash.", KernelFixture.Failure(action));
    }
}
