using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class TableDeleteTests : IDisposable
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Deleting_a_table_removes_it_and_its_partitions_and_a_new_table_of_that_name_continues_its_versions(string store)
    {
        var catalog = CatalogWithOrders(store);

        catalog.Update(update => Assert.True(update.DeleteTable(Orders)));
        var afterDelete = catalog.GetTables("sales");
        catalog.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string"))));

        Assert.Empty(afterDelete);
        Assert.Empty(catalog.GetPartitions(Orders));
        var versions = catalog.GetTableVersions(Orders);
        Assert.Equal(new long[] { 2, 1 }, versions.Select(v => v.VersionId));
        Assert.Equal(3, versions[1].Table.StorageDescriptor.Columns.Count);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Deleting_a_missing_table_or_partition_reports_false(string store)
    {
        var catalog = CatalogWithOrders(store);

        catalog.Update(update =>
        {
            Assert.False(update.DeleteTable(TableName.Parse("sales.nope")));
            Assert.False(update.DeletePartition(Orders, ["1999", "01"]));
        });
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Deleting_a_partition_keeps_the_others(string store)
    {
        var catalog = CatalogWithOrders(store);

        catalog.Update(update => Assert.True(update.DeletePartition(Orders, ["2024", "01"])));

        Assert.Equal(new[] { "2024/02" }, catalog.GetPartitions(Orders).Select(p => string.Join('/', p.Values)));
        Assert.Equal(1, catalog.GetTable(Orders).VersionId);
    }

    private DataCatalog CatalogWithOrders(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutPartition(TestTables.OrdersPartition("2024", "01"));
            update.PutPartition(TestTables.OrdersPartition("2024", "02"));
        });
        return catalog;
    }
}
