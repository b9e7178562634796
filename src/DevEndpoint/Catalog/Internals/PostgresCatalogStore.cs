using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace DevEndpoint.Catalog.Internals;

/// <summary>
/// A catalog in a PostgreSQL database, shared by many processes and machines. Writers take turns through a transaction-level
/// advisory lock (<c>pg_advisory_xact_lock</c>), taken as the first statement of every write transaction, so a change set
/// sees every change committed before it and commits whole; readers see one snapshot (<c>REPEATABLE READ</c>). Names
/// compared without case (classifiers, connections, jobs) use a case-insensitive ICU collation named <c>nocase</c>.
/// </summary>
internal sealed partial class PostgresCatalogStore(string connectionString) : CatalogStore
{
    /// <summary>The advisory lock key of a catalog's writers: "DevEndpt" in ASCII.</summary>
    private const long WriteLock = 0x446576456E647074;

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    public override string Name => "PostgreSQL";

    public override bool HasRowIds => false;

    public static string Text(string sql) => Texts.GetOrAdd(sql, s => Parameter().Replace(s, "@$1"));

    public override DbConnection Open(string catalog)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            connection.Dispose();
            throw e is NpgsqlException npgsql ? CatalogErrors.PostgresFailed(catalog, npgsql) : CatalogErrors.Unreachable(catalog, e);
        }
    }

    public override void Prepare(DbConnection connection)
    {
    }

    public override DbTransaction Begin(DbConnection connection, bool write)
    {
        var transaction = connection.BeginTransaction(write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead);
        if (write)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_advisory_xact_lock({WriteLock})";
            command.ExecuteNonQuery();
        }

        return transaction;
    }

    public override bool HasSchema(DbConnection connection, DbTransaction? transaction) =>
        Scalar(connection, transaction, "SELECT to_regclass('schema_info') IS NOT NULL") is true;

    public override bool HasColumn(DbConnection connection, DbTransaction transaction, string table, string column) =>
        Scalar(connection, transaction, $"SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' AND column_name = '{column}'") is > 0L;

    public override void CreateSupport(DbConnection connection, DbTransaction transaction) =>
        CatalogMigrations.Run(this, connection, transaction, "CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)");

    public override void AddGrants(DbConnection connection, DbTransaction transaction) =>
        CatalogMigrations.Run(this, connection, transaction, PostgresGrants.Sql);

    public override void Regrant(DbConnection connection, DbTransaction transaction) =>
        CatalogMigrations.Run(this, connection, transaction, PostgresGrants.RegrantSql);

    public override string Schema(string sql) => Types().Replace(sql, m => m.Value switch
    {
        "INTEGER" => "BIGINT",
        "BLOB" => "BYTEA",
        _ => "DOUBLE PRECISION",
    });

    public override DevEndpointException Failed(string catalog, DbException e) =>
        e is NpgsqlException npgsql ? CatalogErrors.PostgresFailed(catalog, npgsql) : new DevEndpointException($"The catalog at {catalog} failed: {e.Message}", e);

    private static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\b(INTEGER|BLOB|REAL)\b")]
    private static partial Regex Types();
}
