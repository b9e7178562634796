using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.Catalog;

public sealed class CatalogHealthTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string CatalogPath => temp.Combine("catalog.db");

    [Fact]
    public async Task A_truncated_catalog_fails_naming_the_file_what_sqlite_found_and_the_last_good_copy()
    {
        await CrawlAsync("orders");
        Truncate(CatalogPath);

        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.Open(CatalogPath).GetDatabases());

        Assert.Equal(
            $"The catalog at {CatalogPath} is damaged: SQLite found \"database disk image is malformed\". The last good copy, kept before the last crawl committed, is {CatalogPath}.bak: move the damaged file away and copy {CatalogPath}.bak in its place (crawl again what was crawled since). 'devendpoint catalog check --catalog {CatalogPath}' reports what is wrong.",
            error.Message);
    }

    [Theory]
    [InlineData("random bytes")]
    [InlineData("text")]
    public void A_file_that_is_not_a_database_fails_naming_it_and_what_to_do(string content)
    {
        if (content == "text")
        {
            File.WriteAllText(CatalogPath, "name,price\nbolt,1.5\n");
        }
        else
        {
            File.WriteAllBytes(CatalogPath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251)).ToArray());
        }

        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.Open(CatalogPath));

        Assert.Equal(
            $"The catalog at {CatalogPath} is damaged or is not a catalog file: SQLite found \"file is not a database\". No good copy of it was kept (each crawl keeps one at {CatalogPath}.bak): restore it from a backup (devendpoint catalog backup makes one), or move it away and crawl again to rebuild it. 'devendpoint catalog check --catalog {CatalogPath}' reports what is wrong.",
            error.Message);
    }

    [Fact]
    public async Task A_crawl_keeps_the_catalog_as_it_was_before_its_commit_as_the_last_good_copy()
    {
        await CrawlAsync("orders");
        temp.Write("lake/returns/a.csv", "return_id,reason\n1,late\n");

        await CrawlAsync("returns");

        Assert.Equal(new[] { "orders" }, DataCatalog.OpenReadOnly(CatalogPath + ".bak").GetTables("lake").Select(t => t.Name));
        Assert.Equal(new[] { "orders", "returns" }, DataCatalog.Open(CatalogPath).GetTables("lake").Select(t => t.Name));
    }

    [Fact]
    public async Task A_catalog_opened_read_only_reads_its_tables_and_refuses_every_change_naming_the_file()
    {
        await CrawlAsync("orders");
        var before = await File.ReadAllBytesAsync(CatalogPath);
        var catalog = DataCatalog.OpenReadOnly(CatalogPath);

        var tables = catalog.GetTables("lake").Select(t => t.Name).ToList();
        var update = Assert.Throws<DevEndpointException>(() => catalog.Update(u => u.DeleteTable(TableName.Parse("lake.orders"))));
        var crawl = await Assert.ThrowsAsync<DevEndpointException>(() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" }));

        Assert.True(catalog.IsReadOnly);
        Assert.Equal(new[] { "orders" }, tables);
        var expected = $"Cannot change the catalog at {CatalogPath}: you may read it but not write it (no write permission on the file or its folder). Ask its owner for write permission, or work on a copy: devendpoint catalog backup --catalog {CatalogPath} --to <file>.";
        Assert.Equal((expected, expected), (update.Message, crawl.Message));
        Assert.Equal(before, await File.ReadAllBytesAsync(CatalogPath));
    }

    [Fact]
    public async Task A_write_to_a_table_of_a_read_only_catalog_fails_before_writing_a_file()
    {
        await CrawlAsync("orders");
        var frame = new DataFrame(new PrimitiveDataFrameColumn<int>("id", [1, 2]));
        var options = new WriteOptions { Path = temp.Combine("out", "scores"), Format = WriteFormat.Csv, CatalogTable = "lake.scores" };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(DataCatalog.OpenReadOnly(CatalogPath)).WriteAsync(frame, options));

        Assert.StartsWith($"Cannot change the catalog at {CatalogPath}: you may read it but not write it", error.Message);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void Opening_a_missing_catalog_read_only_creates_nothing()
    {
        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.OpenReadOnly(CatalogPath));

        Assert.Equal(
            $"The catalog file {CatalogPath} does not exist. Check the path (relative paths start from {Environment.CurrentDirectory}), or crawl a folder into it first.",
            error.Message);
        Assert.False(File.Exists(CatalogPath));
    }

    [Fact]
    public async Task Check_of_a_sound_catalog_counts_its_databases_tables_and_partitions()
    {
        temp.Write("lake/orders/year=2024/a.csv", "order_id,amount\n1,9.5\n");
        temp.Write("lake/orders/year=2025/a.csv", "order_id,amount\n2,3.5\n");
        await CrawlAsync("orders");

        var check = DataCatalog.Check(CatalogPath);

        Assert.Equal((true, 1, 1, 2, CatalogPath + ".bak"), (check.IsSound, check.Databases, check.Tables, check.Partitions, check.LastGoodCopy));
    }

    [Fact]
    public async Task Check_reports_a_partition_whose_table_is_missing_and_one_with_too_many_values()
    {
        temp.Write("lake/orders/year=2024/a.csv", "order_id,amount\n1,9.5\n");
        await CrawlAsync("orders");
        using (var connection = new SqliteConnection($"Data Source={CatalogPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO partitions SELECT database_name, 'gone', partition_values, replace(definition, '"TableName":"orders"', '"TableName":"gone"') FROM partitions;
                INSERT INTO partitions SELECT database_name, table_name, '["2024","x"]', replace(definition, '"Values":["2024"]', '"Values":["2024","x"]') FROM partitions WHERE table_name = 'orders';
                """;
            command.ExecuteNonQuery();
        }

        var check = DataCatalog.Check(CatalogPath);

        Assert.Equal(
            new[]
            {
                "partition 'lake.gone [\"2024\"]': its table 'lake.gone' is missing",
                "partition 'lake.orders [\"2024\",\"x\"]': 2 value(s), but table 'lake.orders' has 1 partition key(s)",
            },
            check.Problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Check_of_a_truncated_catalog_reports_what_sqlite_found_instead_of_failing()
    {
        await CrawlAsync("orders");
        Truncate(CatalogPath);

        var check = DataCatalog.Check(CatalogPath);

        Assert.Equal(new[] { "SQLite found \"database disk image is malformed\"" }, check.Problems);
        Assert.False(check.IsSound);
    }

    [Fact]
    public async Task Backup_writes_a_copy_that_opens_with_the_same_tables_and_never_replaces_a_file()
    {
        await CrawlAsync("orders");
        var target = temp.Combine("copies", "catalog-copy.db");
        Directory.CreateDirectory(temp.Combine("copies"));
        var catalog = DataCatalog.Open(CatalogPath);

        catalog.Backup(target);
        var again = Assert.Throws<DevEndpointException>(() => catalog.Backup(target));

        Assert.Equal(new[] { "orders" }, DataCatalog.Open(target).GetTables("lake").Select(t => t.Name));
        Assert.Equal($"'{target}' already exists: a backup never replaces a file. Choose another file, or delete that one first.", again.Message);
        Assert.Equal(new[] { "catalog-copy.db" }, Directory.GetFiles(temp.Combine("copies")).Select(Path.GetFileName).Where(n => !n!.EndsWith("-wal", StringComparison.Ordinal) && !n.EndsWith("-shm", StringComparison.Ordinal)));
    }

    private async Task CrawlAsync(string folder)
    {
        if (!Directory.Exists(temp.Combine("lake", folder)))
        {
            temp.Write($"lake/{folder}/a.csv", "order_id,amount\n1,9.5\n");
        }

        await new Crawler(DataCatalog.Open(CatalogPath)).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
    }

    private static void Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }
}
