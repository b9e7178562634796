using DevEndpoint.Catalog;
using DevEndpoint.Catalog.Internals;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.Catalog;

public sealed class CatalogMigrationTests : IDisposable
{
    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Fact]
    public void A_catalog_file_of_schema_1_opens_migrated_with_its_crawl_runs_newest_first()
    {
        var path = catalogs.Name(TestCatalogs.Sqlite);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // The schema and rows as the build of schema 1 wrote them: crawl runs in the order of their rowid.
            connection.Open();
            Run(connection, CatalogTables.Sql + "INSERT INTO schema_info (version) VALUES (1);");
            Run(connection, $"INSERT INTO databases (name, definition) VALUES ('sales', '{CatalogJson.Serialize(TestTables.Sales with { Name = "sales" })}')");
            foreach (var run in new[] { "run-1", "run-2", "run-3" })
            {
                Run(connection, $"INSERT INTO crawl_runs (run_id, database_name, definition) VALUES ('{run}', 'sales', '{CatalogJson.Serialize(Run(run))}')");
            }
        }

        var catalog = DataCatalog.Open(path);
        catalog.Update(update => update.RecordCrawlRun(Run("run-4")));

        Assert.Equal(["run-4", "run-3", "run-2", "run-1"], catalog.GetCrawlRuns("sales").Select(r => r.RunId));
        Assert.Equal(CatalogMigrations.Latest, Version(path));
        Assert.True(DataCatalog.Check(path).IsSound);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void A_new_catalog_is_at_the_latest_schema_and_opening_it_again_changes_nothing(string store)
    {
        var name = catalogs.Name(store);
        DataCatalog.Open(name).Update(update => update.RecordCrawlRun(Run("run-1")));

        var reopened = DataCatalog.Open(name);
        var readOnly = DataCatalog.OpenReadOnly(name);

        Assert.Equal(["run-1"], reopened.GetCrawlRuns().Select(r => r.RunId));
        Assert.Equal(["run-1"], readOnly.GetCrawlRuns().Select(r => r.RunId));
        Assert.True(DataCatalog.Check(name).IsSound);
    }

    [Fact]
    public void A_read_only_catalog_file_of_an_older_schema_says_it_cannot_be_brought_up_to_date()
    {
        var path = catalogs.Name(TestCatalogs.Sqlite);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Run(connection, CatalogTables.Sql + "INSERT INTO schema_info (version) VALUES (1);");
        }

        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.OpenReadOnly(path));

        Assert.Equal(
            $"The catalog at {path} has schema 1, older than this build's {CatalogMigrations.Latest}, and you may not write it, so it cannot be brought up to date. Open it once with write permission (any command), or work on a copy: devendpoint catalog backup --catalog {path} --to <file>.",
            error.Message);
    }

    private static CrawlRun Run(string id) => new() { RunId = id, DatabaseName = "sales", Location = "/lake/sales" };

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Version(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_info";
        return (long)command.ExecuteScalar()!;
    }
}
