using DevEndpoint.Catalog;
using DevEndpoint.Jobs;

namespace DevEndpoint.Tests.Catalog;

public sealed class CatalogCopyTests : IDisposable
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [ServerFact(ConnectionTypes.Postgres)]
    public void A_catalog_copied_from_SQLite_to_PostgreSQL_and_back_reads_the_same_in_every_part_of_the_model()
    {
        var source = Filled(DataCatalog.Open(catalogs.Name(TestCatalogs.Sqlite)));
        var postgres = DataCatalog.Open(catalogs.Name(TestCatalogs.Postgres));
        var back = DataCatalog.Open(catalogs.Name(TestCatalogs.Sqlite));

        var there = source.CopyTo(postgres, replace: false);
        var again = postgres.CopyTo(back, replace: false);

        Assert.Equal(there, again);
        Assert.Equal(Snapshot(source), Snapshot(postgres));
        Assert.Equal(Snapshot(source), Snapshot(back));
        postgres.Update(update => update.PutTable(postgres.GetTable(Orders) with { Description = "moved" }));
        Assert.Equal(4, postgres.GetTable(Orders).VersionId);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void A_copy_into_a_catalog_that_holds_anything_is_refused_unless_replace(string store)
    {
        var source = Filled(DataCatalog.Open(catalogs.Name(TestCatalogs.Sqlite)));
        var target = DataCatalog.Open(catalogs.Name(store));
        target.Update(update => update.EnsureDatabase(new Database { Name = "hr" }));

        var error = Assert.Throws<DevEndpointException>(() => source.CopyTo(target, replace: false));
        Assert.Equal(["hr"], target.GetDatabases().Select(d => d.Name));
        source.CopyTo(target, replace: true);

        Assert.Equal(
            $"The catalog {target.Path} is not empty (1 row(s)): a copy from {source.Path} never mixes two catalogs, and nothing was copied. Copy into a new catalog, or add --replace to empty {target.Path} first.",
            error.Message);
        Assert.Equal(Snapshot(source), Snapshot(target));
    }

    private DataCatalog Filled(DataCatalog catalog)
    {
        var file = Path.Combine(catalogs.Folder, "part-0.csv");
        File.WriteAllText(file, "a\n1\n");
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutPartition(TestTables.OrdersPartition("2024", "01"));
            update.PutPartition(TestTables.OrdersPartition("2024", "02"));
            update.RecordCrawlRun(new CrawlRun { RunId = "run-1", DatabaseName = "sales", Location = "/lake/sales" });
            update.RecordCrawlRun(new CrawlRun { RunId = "run-2", DatabaseName = "sales", Location = "/lake/sales" });
            update.PutConnection(new Connection { Name = "Shop", Type = ConnectionTypes.Postgres, Url = "Host=127.0.0.1;Port=5432;Database=shop", User = "reader", PasswordEnv = "SHOP_PASSWORD" });
            update.PutKeyBookmark(new KeyBookmark("sales", "orders", "Id", "42", DateTimeOffset.UnixEpoch));
        });
        catalog.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string"))));
        catalog.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string"), new Column("note", new string('x', 3000)))));
        catalog.RecordPendingFiles(catalog.SelectUnprocessedFiles("nightly", Orders, [file]));
        new JobBookmarks(catalog).Commit("nightly");
        return catalog;
    }

    private static string Snapshot(DataCatalog catalog) => CatalogJson.Serialize(new
    {
        Databases = catalog.GetDatabases(),
        Tables = catalog.GetTables("sales"),
        Versions = catalog.GetTableVersions(Orders),
        Partitions = catalog.GetPartitions(Orders),
        Runs = catalog.GetCrawlRuns("sales"),
        Connections = catalog.GetConnections(),
        Key = catalog.GetKeyBookmark(Orders, "id"),
        Bookmarks = new JobBookmarks(catalog).List(),
    });
}
