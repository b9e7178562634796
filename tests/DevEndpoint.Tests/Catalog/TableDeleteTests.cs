using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class TableDeleteTests : IDisposable
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Deleting_a_table_removes_it_and_its_partitions_and_a_new_table_of_that_name_continues_its_versions()
    {
        var catalog = CatalogWithOrders();

        catalog.Update(update => Assert.True(update.DeleteTable(Orders)));
        var afterDelete = catalog.GetTables("sales");
        catalog.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string"))));

        Assert.Empty(afterDelete);
        Assert.Empty(catalog.GetPartitions(Orders));
        var versions = catalog.GetTableVersions(Orders);
        Assert.Equal(new long[] { 2, 1 }, versions.Select(v => v.VersionId));
        Assert.Equal(3, versions[1].Table.StorageDescriptor.Columns.Count);
    }

    [Fact]
    public void Deleting_a_missing_table_or_partition_reports_false()
    {
        var catalog = CatalogWithOrders();

        catalog.Update(update =>
        {
            Assert.False(update.DeleteTable(TableName.Parse("sales.nope")));
            Assert.False(update.DeletePartition(Orders, ["1999", "01"]));
        });
    }

    [Fact]
    public void Deleting_a_partition_keeps_the_others()
    {
        var catalog = CatalogWithOrders();

        catalog.Update(update => Assert.True(update.DeletePartition(Orders, ["2024", "01"])));

        Assert.Equal(new[] { "2024/02" }, catalog.GetPartitions(Orders).Select(p => string.Join('/', p.Values)));
        Assert.Equal(1, catalog.GetTable(Orders).VersionId);
    }

    private DataCatalog CatalogWithOrders()
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
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
