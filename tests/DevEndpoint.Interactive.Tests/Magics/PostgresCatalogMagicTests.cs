using DevEndpoint.Catalog;
using DevEndpoint.Endpoints;
using DevEndpoint.Jobs;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

/// <summary>The main magics with <c>--catalog postgresql://...</c>: a team catalog in a fresh database on the test server.</summary>
public sealed class PostgresCatalogMagicTests : IDisposable
{
    private readonly TestCatalogs catalogs = new("fronts");

    public void Dispose() => catalogs.Dispose();

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Crawl_catalog_load_write_and_sql_work_on_a_PostgreSQL_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync(catalog: catalogs.Name(TestCatalogs.Postgres));
        var target = Path.Combine(fixture.Folder, "out", "orders");

        var crawl = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales");
        var tables = await fixture.MagicAsync("#!catalog sales");
        var load = await fixture.MagicAsync("#!load sales.orders --as orders --where \"year = '2024'\"");
        var write = await fixture.SubmitAsync($"#!write orders --to {target} --format parquet --partition-by month --catalog clean.orders --catalog-file {fixture.CatalogPath}");
        var again = await fixture.MagicAsync("#!load clean.orders --as again");
        var sql = await fixture.SubmitAsync($"#!sql --as totals --catalog {fixture.CatalogPath}\nSELECT count(*) AS n, sum(amount) AS amount FROM clean.orders");

        KernelFixture.AssertSucceeded(crawl);
        Assert.Contains("<td style=\"text-align:left\">orders</td><td style=\"text-align:left\">created</td>", KernelFixture.Html(crawl));
        KernelFixture.AssertSucceeded(tables);
        Assert.Contains("products", KernelFixture.Html(tables));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders), KernelFixture.Html(load));
        KernelFixture.AssertSucceeded(write);
        Assert.Contains("Catalog table clean.orders: created, ", KernelFixture.Html(write));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("again", out var copy), KernelFixture.Html(again));
        Assert.Equal(orders["order_id"].Cast<int>().Order(), copy["order_id"].Cast<int>().Order());
        KernelFixture.AssertSucceeded(sql);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("totals", out var totals));
        Assert.Equal((long)orders.Rows.Count, totals["n"][0]);
        Assert.Equal(orders["amount"].Cast<decimal>().Sum(), totals["amount"][0]);
        var catalog = DataCatalog.Open(fixture.CatalogPath);
        Assert.Equal(["clean", "sales"], catalog.GetDatabases().Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal("parquet", catalog.GetTable(new TableName("clean", "orders")).Parameter("classification"));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Profile_dq_and_bookmarks_work_on_a_PostgreSQL_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync(catalog: catalogs.Name(TestCatalogs.Postgres));
        await fixture.CrawlSampleAsync();

        var profile = await fixture.MagicAsync("#!profile sales.products --as p");
        var dq = await fixture.SubmitAsync($"#!dq sales.products --catalog {fixture.CatalogPath}\nRules = [\n  RowCount > 0,\n  IsComplete \"price\"\n]");
        var first = await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly");
        var commit = await fixture.MagicAsync("#!bookmark commit nightly");
        var second = await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly");
        var status = await fixture.MagicAsync("#!bookmark status nightly");

        KernelFixture.AssertSucceeded(profile);
        Assert.Contains("price", KernelFixture.Html(profile));
        KernelFixture.AssertSucceeded(dq);
        Assert.Contains("PASS", KernelFixture.Html(dq));
        KernelFixture.AssertSucceeded(first);
        Assert.Contains("Bookmark nightly: read 5 new or changed files of sales.orders, skipped 0", KernelFixture.Html(first));
        KernelFixture.AssertSucceeded(commit);
        Assert.Contains("Committed run 1 of job bookmark nightly", KernelFixture.Html(commit));
        KernelFixture.AssertSucceeded(second);
        Assert.Contains("read 0 new or changed files of sales.orders, skipped 5", KernelFixture.Html(second));
        KernelFixture.AssertSucceeded(status);
        Assert.Contains("1 committed runs", KernelFixture.Html(status));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Connections_and_classifiers_are_kept_in_a_PostgreSQL_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync(catalog: catalogs.Name(TestCatalogs.Postgres));
        var variable = TestServers.PasswordVariable(ConnectionTypes.Postgres);

        var add = await fixture.MagicAsync($"#!connection add shop --type postgres --url \"{TestServers.Url(ConnectionTypes.Postgres)}\" --user {TestServers.User(ConnectionTypes.Postgres)} --password-env {variable}");
        var test = await fixture.MagicAsync("#!connection test shop");
        var crawl = await fixture.MagicAsync("#!crawl --connection shop --include shop/public/orders --database shop_db");
        var classifier = await fixture.MagicAsync("#!classifier add pipes --type csv --delimiter | --contains-header absent --header id,name");

        KernelFixture.AssertSucceeded(add);
        KernelFixture.AssertSucceeded(test);
        Assert.StartsWith("Connection 'shop' works: PostgreSQL", KernelFixture.Text(test), StringComparison.Ordinal);
        KernelFixture.AssertSucceeded(crawl);
        KernelFixture.AssertSucceeded(classifier);
        var catalog = DataCatalog.Open(fixture.CatalogPath);
        Assert.Equal("shop", Assert.Single(catalog.GetConnections()).Name);
        Assert.Equal("postgresql", catalog.GetTable(new TableName("shop_db", "shop_public_orders")).Parameter("classification"));
        Assert.Contains("pipes", catalog.GetClassifiers().Select(c => c.Name));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task An_endpoint_created_on_a_PostgreSQL_catalog_works_in_it_and_keeps_its_URL_without_the_password()
    {
        await using var fixture = await KernelFixture.CreateAsync(catalog: catalogs.Name(TestCatalogs.Postgres));
        await fixture.CrawlSampleAsync();

        var created = await fixture.MagicAsync("#!endpoint create team");
        var path = await fixture.SubmitAsync("#!team\ncatalog.Path");
        var tables = await fixture.SubmitAsync("#!team\nstring.Join(\",\", catalog.GetTables(\"sales\").Select(t => t.Name))");
        var load = await fixture.SubmitAsync("#!team\n#!load sales.products --as products --bookmark nightly");
        var commit = await fixture.SubmitAsync("#!team\n#!bookmark commit nightly");

        KernelFixture.AssertSucceeded(created);
        Assert.Contains("Endpoint team created: run cells in it with #!team", KernelFixture.Html(created));
        var catalog = DataCatalog.Open(fixture.CatalogPath);
        Assert.Equal(catalog.Path, KernelFixture.ReturnValue(path));
        Assert.StartsWith("postgresql://", catalog.Path, StringComparison.Ordinal);
        Assert.Equal("customers,orders,products", KernelFixture.ReturnValue(tables));
        KernelFixture.AssertSucceeded(load);
        KernelFixture.AssertSucceeded(commit);
        Assert.Equal(1, new JobBookmarks(catalog).Get("nightly").FilesProcessed);
        var stored = new EndpointStore(Path.Combine(fixture.Home, "endpoints")).Get("team");
        Assert.Equal(fixture.CatalogPath, stored.Catalog);
        Assert.DoesNotContain(TestServers.Password(ConnectionTypes.Postgres), File.ReadAllText(Directory.GetFiles(Path.Combine(fixture.Home, "endpoints")).Single()), StringComparison.Ordinal);
    }
}
