using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class TableVersionTests : IDisposable
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Changing_a_table_definition_makes_version_2_and_keeps_version_1(string store)
    {
        var catalog = CatalogWithOrders(store);

        catalog.Update(update => Assert.Equal(TableChange.Updated, update.PutTable(TestTables.Orders(new Column("coupon", "string")))));

        var table = catalog.GetTable(Orders);
        Assert.Equal(2, table.VersionId);
        Assert.Equal("coupon", table.StorageDescriptor.Columns[^1].Name);
        var versions = catalog.GetTableVersions(Orders);
        Assert.Equal(new long[] { 2, 1 }, versions.Select(v => v.VersionId));
        Assert.Equal(4, versions[0].Table.StorageDescriptor.Columns.Count);
        Assert.Equal(3, versions[1].Table.StorageDescriptor.Columns.Count);
        Assert.Equal(1, versions[1].Table.VersionId);
        Assert.Equal(versions[1].Table.CreateTime, table.CreateTime);
        Assert.True(table.UpdateTime >= versions[1].Table.UpdateTime);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Putting_the_same_definition_with_another_crawl_run_id_leaves_the_table_unchanged(string store)
    {
        var catalog = CatalogWithOrders(store);
        var parameters = TestTables.Orders().Parameters.ToDictionary();
        parameters[CatalogUpdate.CrawlRunIdParameter] = "run-2";

        catalog.Update(update => Assert.Equal(TableChange.Unchanged, update.PutTable(TestTables.Orders() with { Parameters = parameters })));

        var table = catalog.GetTable(Orders);
        Assert.Equal(1, table.VersionId);
        Assert.Equal("run-1", table.Parameter(CatalogUpdate.CrawlRunIdParameter));
        Assert.Single(catalog.GetTableVersions(Orders));
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Parameters_in_another_order_do_not_count_as_a_change(string store)
    {
        var catalog = CatalogWithOrders(store);
        var reordered = TestTables.Orders() with { Parameters = TestTables.Orders().Parameters.Reverse().ToDictionary() };

        catalog.Update(update => Assert.Equal(TableChange.Unchanged, update.PutTable(reordered)));

        Assert.Equal(1, catalog.GetTable(Orders).VersionId);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void A_changed_parameter_other_than_the_crawl_run_id_is_a_change(string store)
    {
        var catalog = CatalogWithOrders(store);
        var parameters = TestTables.Orders().Parameters.ToDictionary();
        parameters["recordCount"] = "200";

        catalog.Update(update => Assert.Equal(TableChange.Updated, update.PutTable(TestTables.Orders() with { Parameters = parameters })));

        Assert.Equal("200", catalog.GetTable(Orders).Parameter("recordCount"));
        Assert.Equal(2, catalog.GetTableVersions(Orders).Count);
    }

    private DataCatalog CatalogWithOrders(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            Assert.Equal(TableChange.Created, update.PutTable(TestTables.Orders()));
        });
        return catalog;
    }
}
