using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class DataCatalogRoundTripTests : IDisposable
{
    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Fact]
    public async Task The_serializer_warms_up_for_table_definitions_without_failing()
    {
        await CatalogJson.WarmUpAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void A_database_reads_back_from_a_reopened_catalog_with_every_field(string store)
    {
        var path = catalogs.Name(store);
        var before = DateTimeOffset.UtcNow;
        DataCatalog.Open(path).Update(update => update.EnsureDatabase(TestTables.Sales));

        var database = Assert.Single(DataCatalog.Open(path).GetDatabases());

        Assert.Equal("sales", database.Name);
        Assert.Equal("Orders and customers", database.Description);
        Assert.Equal("/lake/sales/", database.LocationUri);
        Assert.Equal("finance", database.Parameters["owner"]);
        Assert.InRange(database.CreateTime, before, DateTimeOffset.UtcNow);
        Assert.Equal(CatalogJson.Serialize(database), CatalogJson.Serialize(DataCatalog.Open(path).GetDatabase("SALES")));
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void A_table_reads_back_from_a_reopened_catalog_with_every_glue_field(string store)
    {
        var path = catalogs.Name(store);
        DataCatalog.Open(path).Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            Assert.Equal(TableChange.Created, update.PutTable(TestTables.Orders()));
        });

        var catalog = DataCatalog.Open(path);
        var table = Assert.Single(catalog.GetTables("sales"));

        var expected = TestTables.Orders() with
        {
            Name = "orders",
            DatabaseName = "sales",
            CreateTime = table.CreateTime,
            UpdateTime = table.UpdateTime,
            VersionId = 1,
        };
        Assert.Equal(CatalogJson.Serialize(expected), CatalogJson.Serialize(table));
        Assert.Equal(CatalogJson.Serialize(table), CatalogJson.Serialize(catalog.GetTable(new TableName("Sales", "ORDERS"))));
        Assert.Equal("EXTERNAL_TABLE", table.TableType);
        Assert.Equal(new Column("order_id", "int", "unique per order"), table.StorageDescriptor.Columns[0]);
        Assert.Equal(new Column("year", "string", "order year"), table.PartitionKeys[0]);
        Assert.Equal(StorageFormats.LazySimpleSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal(",", table.StorageDescriptor.SerdeInfo.Parameters["field.delim"]);
        Assert.True(table.StorageDescriptor.Compressed);
        Assert.NotEqual(default, table.CreateTime);
    }

    [Fact]
    public void VersionId_is_text_in_json_as_in_Glue_and_a_table_stored_with_a_number_still_reads()
    {
        var path = catalogs.Name(TestCatalogs.Sqlite);
        DataCatalog.Open(path).Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
        });
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE tables SET definition = replace(definition, '\"VersionId\":\"1\"', '\"VersionId\":7')";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var table = DataCatalog.Open(path).GetTable(TableName.Parse("sales.orders"));

        Assert.Equal(7, table.VersionId);
        Assert.Contains("\"VersionId\":\"7\"", CatalogJson.Serialize(table), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Partitions_read_back_in_the_order_of_their_values(string store)
    {
        var path = catalogs.Name(store);
        DataCatalog.Open(path).Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            Assert.True(update.PutPartition(TestTables.OrdersPartition("2024", "01")));
            Assert.True(update.PutPartition(TestTables.OrdersPartition("2023", "12")));
        });

        var partitions = DataCatalog.Open(path).GetPartitions(TableName.Parse("sales.orders"));

        Assert.Equal(new[] { "2023/12", "2024/01" }, partitions.Select(p => string.Join('/', p.Values)));
        var partition = partitions[1];
        Assert.Equal("sales", partition.DatabaseName);
        Assert.Equal("orders", partition.TableName);
        Assert.Equal("/lake/sales/orders/year=2024/month=01/", partition.StorageDescriptor.Location);
        Assert.Equal(StorageFormats.TextInputFormat, partition.StorageDescriptor.InputFormat);
        Assert.Equal("40", partition.Parameters["recordCount"]);
        Assert.NotEqual(default, partition.CreationTime);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Putting_a_partition_again_replaces_it_and_keeps_its_creation_time(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutPartition(TestTables.OrdersPartition("2024", "01"));
        });
        var created = Assert.Single(catalog.GetPartitions(TableName.Parse("sales.orders"))).CreationTime;

        var changed = TestTables.OrdersPartition("2024", "01") with { Parameters = new Dictionary<string, string> { ["recordCount"] = "41" } };
        catalog.Update(update => Assert.False(update.PutPartition(changed)));

        var partition = Assert.Single(catalog.GetPartitions(TableName.Parse("sales.orders")));
        Assert.Equal("41", partition.Parameters["recordCount"]);
        Assert.Equal(created, partition.CreationTime);
    }
}
