using System.Data.Common;
using System.Globalization;

namespace DevEndpoint.Catalog.Internals;

/// <summary>
/// The catalog's schema as a numbered list of migrations, the same for both stores (their SQL is written once, with
/// SQLite's types that <see cref="CatalogStore.Schema"/> turns into the store's). <c>schema_info</c> holds the number of
/// the last one applied; opening a catalog for writing applies the later ones in the transaction that checks the number,
/// so a catalog made by an older build keeps opening, and a catalog that is half migrated is never seen. A migration that
/// adds a table ends with <see cref="CatalogStore.Regrant"/>, so the roles granted databases before it can use the table.
/// </summary>
internal static class CatalogMigrations
{
    /// <summary>The schema version this build writes and reads.</summary>
    public static int Latest => All.Length;

    private static readonly Migration[] All =
    [
        new(1, "the catalog tables", (store, connection, transaction) => Run(store, connection, transaction, CatalogTables.Sql)),
        new(2, "tables and columns added under schema 1 (ML models' metrics, data quality), and crawl runs kept in order by a seq column", AddRunOrder),
        new(3, "per-database grants (PostgreSQL only)", (store, connection, transaction) => store.AddGrants(connection, transaction)),
        new(4, "job runs", (store, connection, transaction) => Run(store, connection, transaction, CatalogTables.JobRuns)),
        new(5, "the privileges on job runs of the roles granted before them (PostgreSQL only)", (store, connection, transaction) => store.Regrant(connection, transaction)),
    ];

    /// <summary>The schema version of the catalog, 0 when it has no catalog tables yet.</summary>
    public static int Version(CatalogStore store, DbConnection connection, DbTransaction? transaction)
    {
        if (!store.HasSchema(connection, transaction))
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_info";
        return command.ExecuteScalar() is { } found and not DBNull ? Convert.ToInt32(found, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// Applies, inside <paramref name="transaction"/> (a write transaction), every migration after the catalog's version
    /// up to <paramref name="upTo"/> (default: the latest), and records the new version.
    /// </summary>
    public static void Apply(CatalogStore store, DbConnection connection, DbTransaction transaction, string catalog, int? upTo = null)
    {
        var version = Version(store, connection, transaction);
        if (version > Latest)
        {
            throw CatalogErrors.Newer(catalog, version, Latest);
        }

        var target = upTo ?? Latest;
        if (version >= target)
        {
            return;
        }

        if (version == 0)
        {
            store.CreateSupport(connection, transaction);
        }

        foreach (var migration in All.Where(m => m.Version > version && m.Version <= target))
        {
            migration.Apply(store, connection, transaction);
        }

        Run(store, connection, transaction, version == 0 ? $"INSERT INTO schema_info (version) VALUES ({target})" : $"UPDATE schema_info SET version = {target}");
    }

    private static void AddRunOrder(CatalogStore store, DbConnection connection, DbTransaction transaction)
    {
        Run(store, connection, transaction, CatalogTables.Sql);
        if (!store.HasColumn(connection, transaction, "ml_transform_models", "metrics"))
        {
            Run(store, connection, transaction, "ALTER TABLE ml_transform_models ADD COLUMN metrics TEXT");
        }

        if (!store.HasColumn(connection, transaction, "crawl_runs", "seq"))
        {
            Run(store, connection, transaction, "ALTER TABLE crawl_runs ADD COLUMN seq INTEGER");
            if (store.HasRowIds)
            {
                Run(store, connection, transaction, "UPDATE crawl_runs SET seq = rowid");
            }
        }

        Run(store, connection, transaction, "CREATE INDEX IF NOT EXISTS crawl_runs_order ON crawl_runs (database_name, seq)");
    }

    internal static void Run(CatalogStore store, DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = store.Schema(sql);
        command.ExecuteNonQuery();
    }

    private sealed record Migration(int Version, string Description, Action<CatalogStore, DbConnection, DbTransaction> Apply);
}
