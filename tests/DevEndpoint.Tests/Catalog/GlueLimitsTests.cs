using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.Catalog;

public sealed class GlueLimitsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_shared_folder_file_list_too_long_for_glue_is_kept_beside_the_definition_and_every_file_still_loads()
    {
        var longName = new string('f', 230);
        for (var i = 0; i < 2300; i++)
        {
            temp.Write($"lake/crowded/{longName}{i:0000}.csv", $"id,name\n{i},x\n");
        }

        temp.Write("lake/crowded/other.json", "{\"code\":\"a\",\"n\":1}\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var stored = CatalogJson.Deserialize<CatalogTable>(StoredDefinition("crowded"));
        var table = catalog.GetTable(new TableName("lake", "crowded"));
        var frame = (await new TableLoader(catalog).LoadAsync("lake.crowded")).Frame;
        var again = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        Assert.False(stored.Parameters.ContainsKey("sharedFolderFiles"));
        Assert.Equal(
            "parameter sharedFolderFiles (554301 characters) left out: too long for Glue, kept whole in the catalog's long_values table.",
            stored.Parameter("shortenedValues"));
        Assert.All(stored.Parameters.Values, v => Assert.InRange(v.Length, 0, 512_000));
        Assert.Equal(2300, TableFiles.SharedFolderFiles(table).Count);
        Assert.False(table.Parameters.ContainsKey("shortenedValues"));
        Assert.Equal(Enumerable.Range(0, 2300).Select(i => (object?)i), frame.Columns["id"].Cast<object?>().Order());
        Assert.Equal((0, 2), (again.Run.TablesUpdated, again.Run.TablesUnchanged));
    }

    [Fact]
    public async Task A_nested_type_too_long_for_glue_is_stored_as_string_and_loads_with_its_whole_type()
    {
        temp.Write("lake/wide/a.json", "{\"id\":1,\"wide\":{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"field_with_a_long_name_{i:0000}\":{i}")) + "}}\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var stored = CatalogJson.Deserialize<CatalogTable>(StoredDefinition("wide"));
        var table = catalog.GetTable(new TableName("lake", "wide"));
        var frame = (await new TableLoader(catalog).LoadAsync("lake.wide")).Frame;

        Assert.Equal("string", stored.StorageDescriptor.Columns[1].Type);
        Assert.Equal(
            "type of column wide (160007 characters) written as string: too long for Glue, kept whole in the catalog's long_values table.",
            stored.Parameter("shortenedValues"));
        Assert.Equal(160_007, table.StorageDescriptor.Columns[1].Type.Length);
        Assert.StartsWith("struct<field_with_a_long_name_0000:int,", table.StorageDescriptor.Columns[1].Type, StringComparison.Ordinal);
        Assert.Equal(1L, frame.Rows.Count);
    }

    [Fact]
    public void Deleting_a_table_deletes_the_values_kept_beside_it()
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var table = TestTables.Orders() with { Parameters = new Dictionary<string, string> { ["notes"] = new string('n', 600_000) } };
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(table);
        });

        catalog.Update(update => update.DeleteTable(TableName.Parse("sales.orders")));

        Assert.Equal(0L, Scalar("SELECT count(*) FROM long_values"));
    }

    private string StoredDefinition(string table) => (string)Scalar($"SELECT definition FROM tables WHERE name = '{table}'")!;

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={temp.Combine("catalog.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
