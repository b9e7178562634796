using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog.Internals;

/// <summary>A catalog in one SQLite file: WAL journal, a 60-second busy timeout, writers serialised by <c>BEGIN IMMEDIATE</c>.</summary>
internal sealed class SqliteCatalogStore(string path, bool readOnly, bool immutable) : CatalogStore
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        // An immutable file is read without its WAL index, which a reader who may not write the folder cannot create.
        DataSource = immutable ? $"{new Uri(path).AbsoluteUri}?immutable=1" : path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 60,
    }.ToString();

    public override string Name => "SQLite";

    public override bool HasRowIds => true;

    public override DbConnection Open(string catalog)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var timeout = connection.CreateCommand();
            timeout.CommandText = "PRAGMA busy_timeout = 60000;";
            timeout.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw CatalogErrors.Failed(catalog, e);
        }
    }

    public override void Prepare(DbConnection connection)
    {
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode = WAL;";
        mode.ExecuteScalar();
    }

    public override DbTransaction Begin(DbConnection connection, bool write) => ((SqliteConnection)connection).BeginTransaction(deferred: !write);

    public override bool HasSchema(DbConnection connection, DbTransaction? transaction) =>
        Count(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'") > 0;

    public override bool HasColumn(DbConnection connection, DbTransaction transaction, string table, string column) =>
        Count(connection, transaction, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'") > 0;

    public override void CreateSupport(DbConnection connection, DbTransaction transaction)
    {
    }

    public override void AddGrants(DbConnection connection, DbTransaction transaction)
    {
    }

    public override void Regrant(DbConnection connection, DbTransaction transaction)
    {
    }

    public override string Schema(string sql) => sql;

    public override DevEndpointException Failed(string catalog, DbException e) =>
        e is SqliteException sqlite ? CatalogErrors.Failed(catalog, sqlite) : new DevEndpointException($"The catalog at {catalog} failed: {e.Message}", e);

    private static long Count(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
