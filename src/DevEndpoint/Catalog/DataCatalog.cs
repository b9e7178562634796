using System.Data.Common;
using DevEndpoint.Catalog.Internals;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog;

/// <summary>
/// The persistent data catalog: databases, tables, partitions, table versions, crawl runs, custom classifiers, job
/// bookmarks, connections (without their secrets) and machine-learning transforms (with their labels and models) in one
/// SQLite file, or in a PostgreSQL database shared by a team (<c>postgresql://user@host:port/db</c>).
/// Safe for several processes at once (SQLite: WAL journal, busy timeout; PostgreSQL: writers take turns on an advisory
/// lock); every change set commits in one transaction.
/// </summary>
public sealed partial class DataCatalog
{
    /// <summary>The environment variable that names the catalog file when no path is given.</summary>
    public const string PathVariable = "DEVENDPOINT_CATALOG";

    private readonly CatalogStore store;
    private long storeTicks;

    private DataCatalog(string path, bool readOnly, CatalogStore store)
    {
        Path = path;
        IsReadOnly = readOnly;
        this.store = store;
    }

    private DataCatalog(string path, bool readOnly, bool immutable = false)
        : this(path, readOnly, new SqliteCatalogStore(path, readOnly, immutable))
    {
    }

    /// <summary>The full path of the catalog file, or the URL (without a password) of a catalog on PostgreSQL.</summary>
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
        var location = CatalogLocation.Parse(path);
        if (location.IsPostgres)
        {
            return OpenPostgres(location, readOnly: false);
        }

        var fullPath = location.FilePath!;
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
        var location = CatalogLocation.Parse(path);
        if (location.IsPostgres)
        {
            return OpenPostgres(location, readOnly: true);
        }

        var fullPath = location.FilePath!;
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

    /// <summary>Opens the catalog at <paramref name="location"/>: a PostgreSQL database opened for writing is migrated to the latest schema.</summary>
    internal static DataCatalog OpenPostgres(CatalogLocation location, bool readOnly)
    {
        var catalog = new DataCatalog(location.Display, readOnly, new PostgresCatalogStore(location.ConnectionString!));
        if (readOnly)
        {
            catalog.CheckSchema();
        }
        else
        {
            catalog.EnsureSchema();
        }

        return catalog;
    }

    /// <summary>
    /// The time this instance spent with a connection to its store open (every read, change set and copy, from opening
    /// the connection to closing it), for the benchmark that compares the stores on the same crawl.
    /// </summary>
    internal TimeSpan TimeInStore => TimeSpan.FromTicks(Interlocked.Read(ref storeTicks));

    /// <summary>Runs <paramref name="read"/> on a new connection; what the store reports becomes an error naming the catalog.</summary>
    private T Read<T>(Func<DbConnection, T> read)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var connection = store.Open(Path);
            return read(connection);
        }
        catch (DbException e)
        {
            throw store.Failed(Path, e);
        }
        finally
        {
            Interlocked.Add(ref storeTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
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
        store.Prepare(connection);
        using var transaction = store.Begin(connection, write: true);
        CatalogMigrations.Apply(store, connection, transaction, Path);
        transaction.Commit();
        return 0;
    });

    /// <summary>Reads the schema version of a catalog opened read-only, which must have been set up (and migrated) by a read-write open.</summary>
    private void CheckSchema() => Read(connection =>
    {
        var version = CatalogMigrations.Version(store, connection, null);
        if (version == 0)
        {
            throw CatalogErrors.NotSetUp(Path);
        }

        if (version != CatalogMigrations.Latest)
        {
            throw version > CatalogMigrations.Latest ? CatalogErrors.Newer(Path, version, CatalogMigrations.Latest) : CatalogErrors.Older(Path, version, CatalogMigrations.Latest);
        }

        return 0;
    });

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns (a write takes the write lock at once),
    /// for the parts of the core that keep their own tables in the catalog, such as job bookmarks.
    /// </summary>
    internal T InTransaction<T>(bool write, Func<DbConnection, DbTransaction, T> work)
    {
        if (write)
        {
            RequireWritable();
        }

        return Read(connection =>
        {
            using var transaction = store.Begin(connection, write);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        });
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CatalogStore.Text(connection, sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = CatalogStore.ParameterName(connection, name);
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    internal static void Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static List<string> ReadStrings(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
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
