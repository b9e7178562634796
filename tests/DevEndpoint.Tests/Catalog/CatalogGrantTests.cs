using DevEndpoint.Catalog;
using DevEndpoint.Catalog.Internals;
using DevEndpoint.Crawling;
using DevEndpoint.Tests.Writing;
using DevEndpoint.Writing;

namespace DevEndpoint.Tests.Catalog;

/// <summary>Per-database grants on a PostgreSQL catalog, with two roles besides the owner: PostgreSQL refuses, not only the client.</summary>
public sealed class CatalogGrantTests : IDisposable
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_reader_role_reads_a_database_and_its_crawl_write_and_delete_are_refused_by_PostgreSQL()
    {
        var (database, owner) = CatalogWithOrders();
        var reader = catalogs.CreateRole("reader");
        owner.Grant("sales", reader, DatabaseAccess.Read);
        var asReader = DataCatalog.Open(catalogs.Url(database, reader));
        Directory.CreateDirectory(Path.Combine(catalogs.Folder, "lake", "orders"));
        File.WriteAllText(Path.Combine(catalogs.Folder, "lake", "orders", "part-0.csv"), "id,amount\n1,2.5\n");
        var refused = $"Role '{reader}' may not change database 'sales' in the catalog {asReader.Path}: it holds a read grant on it, and changes need a write grant. PostgreSQL refused the change, and nothing was changed. Ask the catalog's owner to run: devendpoint catalog grant sales --role {reader} --write --catalog {asReader.Path}";

        var tables = asReader.GetTables("sales");
        var put = Assert.Throws<DevEndpointException>(() => asReader.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string")))));
        var delete = Assert.Throws<DevEndpointException>(() => asReader.Update(update => update.DeleteTable(Orders)));
        var crawl = await Assert.ThrowsAsync<DevEndpointException>(() => new Crawler(asReader).CrawlAsync(new CrawlOptions { Path = Path.Combine(catalogs.Folder, "lake"), Database = "sales" }));
        var write = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(asReader).WriteAsync(
            WrittenFrames.Orders(), new WriteOptions { Path = Path.Combine(catalogs.Folder, "written"), CatalogTable = "sales.written" }));

        Assert.Equal("orders", Assert.Single(tables).Name);
        Assert.Equal(2, asReader.GetPartitions(Orders).Count);
        Assert.All([put, delete, crawl, write], error => Assert.Equal(refused, error.Message));
        Assert.Equal(1, owner.GetTable(Orders).VersionId);
        Assert.Equal(["orders"], owner.GetTables("sales").Select(t => t.Name));
        Assert.Equal(2, owner.GetPartitions(Orders).Count);
        Assert.Empty(owner.GetCrawlRuns("sales"));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public void A_writer_role_changes_its_database_and_sees_nothing_of_a_database_it_holds_no_grant_on()
    {
        var (database, owner) = CatalogWithOrders();
        owner.Update(update => update.EnsureDatabase(new Database { Name = "hr" }));
        var writer = catalogs.CreateRole("writer");
        owner.Grant("sales", writer, DatabaseAccess.Write);
        var asWriter = DataCatalog.Open(catalogs.Url(database, writer));

        asWriter.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string"))));
        asWriter.Update(update => update.DeletePartition(Orders, ["2024", "01"]));
        var elsewhere = Assert.Throws<DevEndpointException>(() => asWriter.Update(update => update.PutTable(TestTables.Orders() with { DatabaseName = "hr" })));

        Assert.Equal(2, owner.GetTable(Orders).VersionId);
        Assert.Single(owner.GetPartitions(Orders));
        Assert.Equal(["sales"], asWriter.GetDatabases().Select(d => d.Name));
        Assert.Equal(
            $"Role '{writer}' may not change database 'hr' in the catalog {asWriter.Path}: it holds no grant on it, and changes need a write grant. PostgreSQL refused the change, and nothing was changed. Ask the catalog's owner to run: devendpoint catalog grant hr --role {writer} --write --catalog {asWriter.Path}",
            elsewhere.Message);
        Assert.Empty(owner.GetTables("hr"));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public void Only_the_owner_grants_and_a_revoked_write_grant_leaves_the_role_reading()
    {
        var (database, owner) = CatalogWithOrders();
        var writer = catalogs.CreateRole("writer");
        var reader = catalogs.CreateRole("reader");
        owner.Grant("sales", writer, DatabaseAccess.Write);
        owner.Grant("sales", reader, DatabaseAccess.Read);
        var asWriter = DataCatalog.Open(catalogs.Url(database, writer));

        var grant = Assert.Throws<DevEndpointException>(() => asWriter.Grant("sales", reader, DatabaseAccess.Write));
        Assert.True(owner.Revoke("sales", writer, DatabaseAccess.Write));
        var put = Assert.Throws<DevEndpointException>(() => asWriter.Update(update => update.PutTable(TestTables.Orders(new Column("coupon", "string")))));

        Assert.StartsWith($"Only the owner of the catalog {asWriter.Path} may grant or revoke access to its databases (PostgreSQL found ", grant.Message, StringComparison.Ordinal);
        Assert.Contains("it holds a read grant on it", put.Message, StringComparison.Ordinal);
        Assert.Equal(
            [new DatabaseGrant("sales", reader, DatabaseAccess.Read), new DatabaseGrant("sales", writer, DatabaseAccess.Read)],
            owner.GetGrants().OrderBy(g => g.Role, StringComparer.Ordinal));
        Assert.Single(asWriter.GetTables("sales"));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public void Roles_granted_before_job_runs_were_added_record_and_read_job_runs_once_the_owner_migrated_the_catalog()
    {
        var database = catalogs.CreateDatabase();
        var location = CatalogLocation.Parse(catalogs.Url(database));
        var store = new PostgresCatalogStore(location.ConnectionString!);
        var writer = catalogs.CreateRole("writer");
        var reader = catalogs.CreateRole("reader");
        using (var connection = store.Open(location.Display))
        {
            // Grants given by a build of schema 3, before job_runs existed; then a build of schema 4 added job_runs.
            using var transaction = store.Begin(connection, write: true);
            CatalogMigrations.Apply(store, connection, transaction, location.Display, upTo: 3);
            DataCatalog.GrantIn(connection, transaction, "sales", writer, DatabaseAccess.Write);
            DataCatalog.GrantIn(connection, transaction, "sales", reader, DatabaseAccess.Read);
            CatalogMigrations.Apply(store, connection, transaction, location.Display, upTo: 4);
            transaction.Commit();
        }

        var first = Assert.Throws<DevEndpointException>(() => DataCatalog.Open(catalogs.Url(database, writer)));
        var owner = DataCatalog.Open(catalogs.Url(database));
        var asWriter = DataCatalog.Open(catalogs.Url(database, writer));
        var asReader = DataCatalog.Open(catalogs.Url(database, reader));
        asWriter.RecordJobRun(new JobRun { Id = "run-1", JobName = "nightly", JobRunState = JobRunStates.Succeeded });

        var url = CatalogLocation.Parse(catalogs.Url(database, writer)).Display;
        Assert.Equal(
            $"Role '{writer}' may not bring the catalog {url} up to this build's schema {CatalogMigrations.Latest}: only its owner (the role that created it) may, since the roles granted its databases get their privileges on the new tables then. Nothing was changed. Ask the owner to open the catalog once with this build (any devendpoint command with --catalog {url}).",
            first.Message);
        Assert.Equal(JobRunStates.Succeeded, asReader.GetJobRun("run-1").JobRunState);
        Assert.Equal(["run-1"], owner.GetJobRuns("nightly").Select(r => r.Id));
        Assert.Equal(
            [new DatabaseGrant("sales", reader, DatabaseAccess.Read), new DatabaseGrant("sales", writer, DatabaseAccess.Write)],
            owner.GetGrants().OrderBy(g => g.Role, StringComparer.Ordinal));
    }

    [Fact]
    public void Grants_on_a_catalog_file_are_refused_saying_its_file_permissions_decide()
    {
        var catalog = DataCatalog.Open(catalogs.Name(TestCatalogs.Sqlite));

        var error = Assert.Throws<DevEndpointException>(() => catalog.Grant("sales", "alice", DatabaseAccess.Read));

        Assert.Equal(
            $"The catalog at {catalog.Path} is a SQLite file, whose readers and writers are set by the file's permissions: grants per database need a catalog on PostgreSQL (--catalog postgresql://user@host:port/database; devendpoint catalog copy moves a catalog there).",
            error.Message);
    }

    private (string Database, DataCatalog Owner) CatalogWithOrders()
    {
        var database = catalogs.CreateDatabase();
        var owner = DataCatalog.Open(catalogs.Url(database));
        owner.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutPartition(TestTables.OrdersPartition("2024", "01"));
            update.PutPartition(TestTables.OrdersPartition("2024", "02"));
        });
        return (database, owner);
    }
}
