using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class CatalogTransactionTests : IDisposable
{
    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void An_exception_inside_Update_leaves_nothing_written(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));

        var thrown = Assert.Throws<InvalidOperationException>(() => catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutPartition(TestTables.OrdersPartition("2024", "01"));
            throw new InvalidOperationException("stop half way");
        }));

        Assert.Equal("stop half way", thrown.Message);
        Assert.Empty(catalog.GetDatabases());
        var error = Assert.Throws<DevEndpointException>(() => catalog.GetTable(TableName.Parse("sales.orders")));
        Assert.Equal(
            $"Database 'sales' does not exist in the catalog {catalog.Path}. The catalog has no databases yet: crawl a folder first.",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void An_exception_inside_Update_keeps_the_previous_table_definition(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
        });

        Assert.Throws<InvalidOperationException>(() => catalog.Update(update =>
        {
            Assert.Equal(TableChange.Updated, update.PutTable(TestTables.Orders(new Column("coupon", "string"))));
            update.PutPartition(TestTables.OrdersPartition("2024", "01"));
            throw new InvalidOperationException("stop half way");
        }));

        var orders = TableName.Parse("sales.orders");
        Assert.Equal(1, catalog.GetTable(orders).VersionId);
        Assert.Equal(3, catalog.GetTable(orders).StorageDescriptor.Columns.Count);
        Assert.Single(catalog.GetTableVersions(orders));
        Assert.Empty(catalog.GetPartitions(orders));
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Changes_inside_Update_are_visible_to_later_changes_of_the_same_update(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));

        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            Assert.Equal(TableChange.Created, update.PutTable(TestTables.Orders()));
            Assert.Equal(1, update.FindTable(TableName.Parse("sales.orders"))?.VersionId);
            Assert.Equal(TableChange.Unchanged, update.PutTable(TestTables.Orders()));
        });

        Assert.Equal(1, catalog.GetTable(TableName.Parse("sales.orders")).VersionId);
    }
}
