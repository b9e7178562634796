using System.Data.Common;

namespace DevEndpoint.Catalog.Internals;

/// <summary>
/// What differs between the stores a catalog lives in (a SQLite file, a PostgreSQL database): opening a connection,
/// starting a transaction that serialises the writers of one catalog, the column types of the schema, and the words of
/// the store's errors. The statements themselves are written once, in SQL both stores run.
/// </summary>
internal abstract class CatalogStore
{
    /// <summary>The store's name in messages: <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether rows have SQLite's <c>rowid</c> (migrations that fill a new column from it).</summary>
    public abstract bool HasRowIds { get; }

    /// <summary>An open connection; what the store reports when it cannot open one becomes an error naming the catalog.</summary>
    public abstract DbConnection Open(string catalog);

    /// <summary>Sets a new connection up before the schema is checked (SQLite's WAL journal).</summary>
    public abstract void Prepare(DbConnection connection);

    /// <summary>
    /// Starts a transaction. A write transaction holds the catalog's write lock from its first statement, so writers of
    /// one catalog take turns and each sees every change committed before it; a read transaction sees one snapshot.
    /// </summary>
    public abstract DbTransaction Begin(DbConnection connection, bool write);

    /// <summary>Whether the catalog tables exist (<c>schema_info</c> is there).</summary>
    public abstract bool HasSchema(DbConnection connection, DbTransaction? transaction);

    /// <summary>Whether <paramref name="table"/> has the column <paramref name="column"/>.</summary>
    public abstract bool HasColumn(DbConnection connection, DbTransaction transaction, string table, string column);

    /// <summary>Creates what the store needs before the first migration (PostgreSQL's case-insensitive collation).</summary>
    public abstract void CreateSupport(DbConnection connection, DbTransaction transaction);

    /// <summary>Sets up per-database grants enforced by the store itself (PostgreSQL); a SQLite file has its file permissions.</summary>
    public abstract void AddGrants(DbConnection connection, DbTransaction transaction);

    /// <summary>
    /// Gives the roles granted a database before a migration added tables the privileges on them their grants give
    /// (PostgreSQL); the last step of every migration that adds a table.
    /// </summary>
    public abstract void Regrant(DbConnection connection, DbTransaction transaction);

    /// <summary>Schema statements written with SQLite's types, in the store's own types.</summary>
    public abstract string Schema(string sql);

    /// <summary>The statement's text as the store's provider takes it (parameters are written <c>$name</c>).</summary>
    public static string Text(DbConnection connection, string sql) => connection is Npgsql.NpgsqlConnection ? PostgresCatalogStore.Text(sql) : sql;

    /// <summary>The parameter name as the store's provider takes it.</summary>
    public static string ParameterName(DbConnection connection, string name) => connection is Npgsql.NpgsqlConnection ? name.TrimStart('$') : name;

    /// <summary>What the store reported, as an error naming the catalog and what to do.</summary>
    public abstract DevEndpointException Failed(string catalog, DbException e);
}
