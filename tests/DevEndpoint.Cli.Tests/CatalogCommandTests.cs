using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

public sealed class CatalogCommandTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public async Task Catalog_databases_json_prints_a_DatabaseList()
    {
        var root = await JsonOf("catalog", "databases", "--json");

        var database = Assert.Single(root.GetProperty("DatabaseList").EnumerateArray());
        Assert.Equal("sales", database.GetProperty("Name").GetString());
        Assert.Equal(lake.LakePath + "/", database.GetProperty("LocationUri").GetString());
        Assert.True(database.TryGetProperty("CreateTime", out _));
    }

    [Fact]
    public async Task Catalog_tables_json_prints_a_TableList_with_glue_field_names()
    {
        var root = await JsonOf("catalog", "tables", "sales", "--json");

        var tables = root.GetProperty("TableList").EnumerateArray().ToList();
        Assert.Equal(new[] { "customers", "orders", "products" }, tables.Select(t => t.GetProperty("Name").GetString()));
        var orders = tables[1];
        Assert.Equal("sales", orders.GetProperty("DatabaseName").GetString());
        Assert.Equal("EXTERNAL_TABLE", orders.GetProperty("TableType").GetString());
        Assert.Equal(
            new[] { "order_id int", "customer_id int", "order_date date", "amount decimal(10,2)", "status string", "note string" },
            orders.GetProperty("StorageDescriptor").GetProperty("Columns").EnumerateArray().Select(c => $"{c.GetProperty("Name").GetString()} {c.GetProperty("Type").GetString()}"));
        Assert.Equal(
            new[] { "year string", "month string" },
            orders.GetProperty("PartitionKeys").EnumerateArray().Select(c => $"{c.GetProperty("Name").GetString()} {c.GetProperty("Type").GetString()}"));
        Assert.Equal("csv", orders.GetProperty("Parameters").GetProperty("classification").GetString());
        Assert.Equal(
            "org.apache.hadoop.hive.serde2.OpenCSVSerde",
            orders.GetProperty("StorageDescriptor").GetProperty("SerdeInfo").GetProperty("SerializationLibrary").GetString());
        Assert.Equal("1", orders.GetProperty("VersionId").GetString());
    }

    [Fact]
    public async Task Catalog_table_json_prints_the_table_under_Table()
    {
        var root = await JsonOf("catalog", "table", "sales.products", "--json");

        Assert.Equal(new[] { "Table" }, root.EnumerateObject().Select(p => p.Name));
        var table = root.GetProperty("Table");
        Assert.Equal("products", table.GetProperty("Name").GetString());
        Assert.Equal("parquet", table.GetProperty("Parameters").GetProperty("classification").GetString());
        Assert.Equal(lake.LakePath + "/products/", table.GetProperty("StorageDescriptor").GetProperty("Location").GetString());
    }

    [Fact]
    public async Task Catalog_partitions_json_prints_Partitions_with_their_values()
    {
        var root = await JsonOf("catalog", "partitions", "sales.orders", "--json");

        var partitions = root.GetProperty("Partitions").EnumerateArray().ToList();
        Assert.Equal(
            new[] { "2023/11", "2023/12", "2024/01", "2024/02", "2024/03" },
            partitions.Select(p => string.Join('/', p.GetProperty("Values").EnumerateArray().Select(v => v.GetString()))));
        Assert.Equal(lake.LakePath + "/orders/year=2023/month=11/", partitions[0].GetProperty("StorageDescriptor").GetProperty("Location").GetString());
        Assert.Equal("40", partitions[0].GetProperty("Parameters").GetProperty("recordCount").GetString());
    }

    [Fact]
    public async Task Catalog_versions_lists_a_tables_definitions_newest_first_with_text_version_ids()
    {
        using var temp = new TempFolder();
        temp.Write("lake/tabs/a.csv", "id,name\n1,x\n");
        await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "lake", "--catalog", temp.Combine("catalog.db"));
        temp.Write("lake/tabs/a.csv", "id,name,score\n1,x,0.5\n");
        await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "lake", "--catalog", temp.Combine("catalog.db"));

        var json = await DevEndpointCommand.RunAsync("catalog", "versions", "lake.tabs", "--json", "--catalog", temp.Combine("catalog.db"));
        var text = await DevEndpointCommand.RunAsync("catalog", "versions", "lake.tabs", "--catalog", temp.Combine("catalog.db"));

        var versions = JsonDocument.Parse(json.Output).RootElement.GetProperty("TableVersions").EnumerateArray().ToList();
        Assert.Equal(["2", "1"], versions.Select(v => v.GetProperty("VersionId").GetString()));
        Assert.Equal(["2", "1"], versions.Select(v => v.GetProperty("Table").GetProperty("VersionId").GetString()));
        Assert.Equal(3, versions[0].GetProperty("Table").GetProperty("StorageDescriptor").GetProperty("Columns").GetArrayLength());
        var lines = text.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal((0, 3), (text.ExitCode, lines.Length));
        Assert.Matches("^version +updated +columns +partition keys$", lines[0]);
        Assert.Matches("^2 +[0-9-]+ [0-9:]+Z +id,name,score *$", lines[1]);
        Assert.Matches("^1 +[0-9-]+ [0-9:]+Z +id,name *$", lines[2]);
    }

    [Fact]
    public async Task Catalog_table_prints_columns_and_parameters_as_text()
    {
        var result = await lake.RunAsync("catalog", "table", "sales.orders");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal($"sales.orders (version 1, csv) at {lake.LakePath}/orders/", lines[0]);
        Assert.Contains("amount       decimal(10,2)", lines);
        Assert.Contains("year         string         yes", lines);
        Assert.Contains("  classification = csv", lines);
    }

    [Fact]
    public async Task An_unknown_table_exits_1_with_the_error_on_stderr_and_nothing_on_stdout()
    {
        var result = await lake.RunAsync("catalog", "table", "sales.order", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            $"error: Table 'sales.order' does not exist in the catalog {lake.CatalogPath}. Did you mean 'sales.orders'?{Environment.NewLine}",
            result.Error);
    }

    [Fact]
    public async Task An_unknown_option_exits_non_zero_and_names_the_option()
    {
        var result = await lake.RunAsync("catalog", "databases", "--bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var nl = Environment.NewLine;
        Assert.Equal($"error: Unknown option '--bogus' for devendpoint catalog databases. devendpoint catalog databases takes --catalog, --json; devendpoint catalog databases --help describes them.{nl}Run 'devendpoint catalog databases --help' for its usage.{nl}", result.Error);
    }

    private async Task<JsonElement> JsonOf(params string[] args)
    {
        var result = await lake.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"devendpoint {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        Assert.Equal(string.Empty, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.Clone();
    }
}
