using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli.Tests;

/// <summary>The main commands with <c>--catalog postgresql://...</c>: a team catalog in a fresh database on the test server.</summary>
public sealed class PostgresCatalogCommandTests : IDisposable
{
    private readonly TestCatalogs catalogs = new("fronts");

    public void Dispose() => catalogs.Dispose();

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Crawl_catalog_load_sql_profile_dq_and_bookmark_work_on_a_PostgreSQL_catalog()
    {
        var catalog = catalogs.Name(TestCatalogs.Postgres);
        var lake = Path.Combine(catalogs.Folder, "lake");
        var rules = Path.Combine(catalogs.Folder, "rules.dqdl");
        File.WriteAllText(rules, "Rules = [\n  RowCount > 0,\n  IsComplete \"price\"\n]\n");
        Assert.Equal(0, (await DevEndpointCommand.RunAsync("sample-data", lake)).ExitCode);
        Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", catalog]);

        var crawl = await RunAsync("crawl", lake, "--database", "sales");
        var tables = await RunAsync("catalog", "tables", "sales", "--json");
        var load = await RunAsync("load", "sales.orders", "--summary", "--where", "year = '2024'");
        var sql = await RunAsync("sql", "SELECT count(*) AS n FROM sales.orders WHERE year = '2024'");
        var profile = await RunAsync("profile", "sales.products", "--json");
        var dq = await RunAsync("dq", "run", "sales.products", "--ruleset", rules);
        var history = await RunAsync("dq", "history", "sales.products", "--json");
        var bookmarked = await RunAsync("load", "sales.orders", "--bookmark", "nightly");
        var commit = await RunAsync("bookmark", "commit", "nightly");
        var status = await RunAsync("bookmark", "status", "nightly");
        var check = await RunAsync("catalog", "check");

        Assert.Equal((0, string.Empty), (crawl.ExitCode, crawl.Error));
        Assert.Contains("Tables: 3 created, 0 updated, 0 unchanged", crawl.Output, StringComparison.Ordinal);
        Assert.Equal(0, tables.ExitCode);
        Assert.Equal(
            ["customers", "orders", "products"],
            JsonDocument.Parse(tables.Output).RootElement.GetProperty("TableList").EnumerateArray().Select(t => t.GetProperty("Name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal((0, string.Empty), (load.ExitCode, load.Error));
        var rows = JsonDocument.Parse(load.Output).RootElement.GetProperty("rows").GetInt64();
        Assert.Equal((0, string.Empty), (sql.ExitCode, sql.Error));
        Assert.Equal($"n\n{rows}\n(1 rows)\n", sql.Output.ReplaceLineEndings("\n"));
        Assert.Equal((0, string.Empty), (profile.ExitCode, profile.Error));
        Assert.Contains("\"price\"", profile.Output, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (dq.ExitCode, dq.Error));
        Assert.Single(JsonDocument.Parse(history.Output).RootElement.GetProperty("Results").EnumerateArray());
        Assert.Equal((0, string.Empty), (bookmarked.ExitCode, bookmarked.Error));
        Assert.Equal((0, string.Empty), (commit.ExitCode, commit.Error));
        Assert.StartsWith("Committed run 1 of job bookmark nightly", commit.Output, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("sales.orders", status.Output, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (check.ExitCode, check.Error));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Connections_database_crawls_and_classifiers_are_kept_in_a_PostgreSQL_catalog()
    {
        var catalog = catalogs.Name(TestCatalogs.Postgres);
        Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", catalog]);

        var add = await RunAsync("connection", "add", "shop", "--type", "postgres", "--url", TestServers.Url(ConnectionTypes.Postgres), "--user", TestServers.User(ConnectionTypes.Postgres), "--password-env", TestServers.PasswordVariable(ConnectionTypes.Postgres));
        var test = await RunAsync("connection", "test", "shop");
        var crawl = await RunAsync("crawl", "--connection", "shop", "--include", "shop/public/orders", "--database", "shop_db");
        var load = await RunAsync("load", "shop_db.shop_public_orders", "--summary", "--columns", "id");
        var classifier = await RunAsync("classifier", "add", "pipes", "--type", "csv", "--delimiter", "|", "--contains-header", "absent", "--header", "id,name");
        var classifiers = await RunAsync("classifier", "list");

        Assert.Equal((0, string.Empty), (add.ExitCode, add.Error));
        Assert.Equal((0, string.Empty), (test.ExitCode, test.Error));
        Assert.StartsWith("Connection 'shop' works: PostgreSQL", test.Output, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (crawl.ExitCode, crawl.Error));
        Assert.Equal((0, string.Empty), (load.ExitCode, load.Error));
        Assert.Equal(1000, JsonDocument.Parse(load.Output).RootElement.GetProperty("rows").GetInt64());
        Assert.Equal((0, string.Empty), (classifier.ExitCode, classifier.Error));
        Assert.Contains("pipes", classifiers.Output, StringComparison.Ordinal);
        Assert.Equal("postgresql", DataCatalog.Open(catalog).GetTable(new TableName("shop_db", "shop_public_orders")).Parameter("classification"));
    }
}
