using DevEndpoint.Catalog.Internals;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog;

/// <summary>
/// The persistent data catalog: databases, tables, partitions, table versions, crawl runs, custom classifiers, job
/// bookmarks, connections (without their secrets) and machine-learning transforms (with their labels and models) in one
/// SQLite file.
/// Safe for several processes at once (WAL journal, busy timeout); every change set commits in one transaction.
/// </summary>
public sealed partial class DataCatalog
{
    /// <summary>The environment variable that names the catalog file when no path is given.</summary>
    public const string PathVariable = "DEVENDPOINT_CATALOG";

    private const int SchemaVersion = 1;

    private readonly string connectionString;

    private DataCatalog(string path, bool readOnly, bool immutable = false)
    {
        Path = path;
        IsReadOnly = readOnly;
        connectionString = new SqliteConnectionStringBuilder
        {
            // An immutable file is read without its WAL index, which a reader who may not write the folder cannot create.
            DataSource = immutable ? $"{new Uri(path).AbsoluteUri}?immutable=1" : path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The full path of the catalog file.</summary>
    public string Path { get; }

    /// <summary>
    /// Whether the catalog was opened for reading only (<see cref="OpenReadOnly"/>, or a file the current user may not
    /// write): it is read as it is, and every change fails naming the file and the missing permission.
    /// </summary>
    public bool IsReadOnly { get; }

    /// <summary>
    /// The catalog file used when none is named: <c>$DEVENDPOINT_CATALOG</c>, else <c>~/.devendpoint/catalog.db</c>.
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return System.IO.Path.GetFullPath(fromEnvironment);
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return System.IO.Path.Combine(home, ".devendpoint", "catalog.db");
        }
    }

    /// <summary>
    /// Opens (creating when missing) the catalog at <paramref name="path"/>, or at <see cref="DefaultPath"/>. A catalog
    /// file the current user may read but not write (a team share) opens read-only (<see cref="IsReadOnly"/>); a damaged
    /// file fails with what SQLite found in it and what to do.
    /// </summary>
    public static DataCatalog Open(string? path = null)
    {
        var fullPath = FullPath(path);
        if (File.Exists(fullPath) && !CatalogFiles.CanWrite(fullPath))
        {
            return OpenReadOnly(fullPath);
        }

        try
        {
            var folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CatalogErrors.CannotCreate(fullPath, e.Message);
        }

        var catalog = new DataCatalog(fullPath, readOnly: false);
        try
        {
            catalog.EnsureSchema();
            return catalog;
        }
        catch (DevEndpointException e) when (e.InnerException is SqliteException { SqliteErrorCode: CatalogErrors.ReadOnlyCode or CatalogErrors.CannotOpenCode } && File.Exists(fullPath))
        {
            // The file may be written but its folder not, where SQLite keeps the journal: read it as it is.
            return OpenReadOnly(fullPath);
        }
    }

    /// <summary>
    /// Opens the existing catalog at <paramref name="path"/>, or at <see cref="DefaultPath"/>, for reading only: its schema
    /// is checked, not set up, nothing is written to it, and every change fails naming the file. Where the reader may not
    /// write the folder either (so SQLite cannot make its WAL index beside the file), the file is read as it is.
    /// </summary>
    public static DataCatalog OpenReadOnly(string? path = null)
    {
        var fullPath = FullPath(path);
        if (!File.Exists(fullPath))
        {
            throw CatalogErrors.Missing(fullPath);
        }

        var catalog = new DataCatalog(fullPath, readOnly: true);
        try
        {
            catalog.CheckSchema();
            return catalog;
        }
        catch (DevEndpointException e) when (e.InnerException is SqliteException { SqliteErrorCode: CatalogErrors.CannotOpenCode or CatalogErrors.ReadOnlyCode })
        {
            var immutable = new DataCatalog(fullPath, readOnly: true, immutable: true);
            immutable.CheckSchema();
            return immutable;
        }
    }

    private static string FullPath(string? path)
    {
        if (path is not null && CatalogErrors.StoreScheme(path) is { } scheme)
        {
            throw CatalogErrors.UnsupportedStore(path, scheme);
        }

        return System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath : path);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, "PRAGMA busy_timeout = 60000;");
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw CatalogErrors.Failed(Path, e);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a new connection; what SQLite reports becomes an error naming the catalog file.</summary>
    private T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Connect();
        try
        {
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw CatalogErrors.Failed(Path, e);
        }
    }

    /// <summary>Fails, naming the file and the missing permission, when the catalog was opened read-only.</summary>
    internal void RequireWritable()
    {
        if (IsReadOnly)
        {
            throw CatalogErrors.ReadOnly(Path);
        }
    }

    private void EnsureSchema() => Read(connection =>
    {
        using (var mode = connection.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode = WAL;";
            mode.ExecuteScalar();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS databases (
                name TEXT NOT NULL PRIMARY KEY,
                definition TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS tables (
                database_name TEXT NOT NULL,
                name TEXT NOT NULL,
                version_id INTEGER NOT NULL,
                definition TEXT NOT NULL,
                PRIMARY KEY (database_name, name));
            CREATE TABLE IF NOT EXISTS table_versions (
                database_name TEXT NOT NULL,
                name TEXT NOT NULL,
                version_id INTEGER NOT NULL,
                definition TEXT NOT NULL,
                PRIMARY KEY (database_name, name, version_id));
            CREATE TABLE IF NOT EXISTS partitions (
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                partition_values TEXT NOT NULL,
                definition TEXT NOT NULL,
                PRIMARY KEY (database_name, table_name, partition_values));
            CREATE TABLE IF NOT EXISTS crawl_runs (
                run_id TEXT NOT NULL PRIMARY KEY,
                database_name TEXT NOT NULL,
                definition TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS classifiers (
                name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                definition TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS job_bookmarks (
                job_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                create_time TEXT NOT NULL,
                last_commit_time TEXT,
                committed_runs INTEGER NOT NULL,
                pending_since TEXT);
            CREATE TABLE IF NOT EXISTS job_bookmark_tables (
                job_name TEXT NOT NULL COLLATE NOCASE,
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                last_commit_time TEXT,
                pending_since TEXT,
                PRIMARY KEY (job_name, database_name, table_name));
            CREATE TABLE IF NOT EXISTS job_bookmark_files (
                job_name TEXT NOT NULL COLLATE NOCASE,
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                pending INTEGER NOT NULL,
                path TEXT NOT NULL,
                size INTEGER NOT NULL,
                last_modified INTEGER NOT NULL,
                PRIMARY KEY (job_name, database_name, table_name, pending, path));
            CREATE TABLE IF NOT EXISTS connections (
                name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                definition TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS key_bookmarks (
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                bookmark_key TEXT NOT NULL COLLATE NOCASE,
                definition TEXT NOT NULL,
                PRIMARY KEY (database_name, table_name, bookmark_key));
            """);
        Execute(connection, transaction, LongValuesSchema);
        CreateMLTransformTables(connection, transaction);
        CreateDataQualityTables(connection, transaction);
        CheckVersion(connection, transaction, created: true);
        transaction.Commit();
        return 0;
    });

    /// <summary>Reads the schema version of a catalog opened read-only, which must have been set up by a read-write open.</summary>
    private void CheckSchema() => Read(connection =>
    {
        CheckVersion(connection, null, created: false);
        return 0;
    });

    private void CheckVersion(SqliteConnection connection, SqliteTransaction? transaction, bool created)
    {
        using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = created || HasSchema(connection) ? "SELECT version FROM schema_info" : "SELECT NULL";
        var found = version.ExecuteScalar();
        if (found is null or DBNull)
        {
            if (!created)
            {
                throw CatalogErrors.NotSetUp(Path);
            }

            Execute(connection, transaction, $"INSERT INTO schema_info (version) VALUES ({SchemaVersion})");
        }
        else if (Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture) > SchemaVersion)
        {
            throw new DevEndpointException(
                $"The catalog at {Path} was written by a newer DevEndpoint (schema {found}, this build reads {SchemaVersion}). Upgrade DevEndpoint to use it.");
        }
    }

    private static bool HasSchema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns (a write takes the write lock at once),
    /// for the parts of the core that keep their own tables in the catalog, such as job bookmarks.
    /// </summary>
    internal T InTransaction<T>(bool write, Func<SqliteConnection, SqliteTransaction, T> work)
    {
        if (write)
        {
            RequireWritable();
        }

        return Read(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: !write);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        });
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static List<string> ReadStrings(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var results = new List<string>();
        while (reader.Read())
        {
            results.Add(reader.GetString(0));
        }

        return results;
    }
}
