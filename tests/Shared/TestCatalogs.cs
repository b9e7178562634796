using DevEndpoint.Catalog;
using Npgsql;

namespace DevEndpoint.Testing;

/// <summary>
/// Fresh catalogs for tests that run against both stores: a SQLite file in a temp folder, or a new PostgreSQL database
/// (named <c>pgstore_...</c>, or with the prefix given) on the test server, reached by URL with its password in a password file. Every database made
/// is dropped on dispose. Without <c>DEVENDPOINT_TEST_POSTGRES</c>, <see cref="Stores"/> holds SQLite alone.
/// </summary>
internal sealed class TestCatalogs : IDisposable
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgresql";

    private readonly TempFolder temp = new();
    private readonly List<string> databases = [];
    private readonly List<string> roles = [];
    private readonly string prefix;

    /// <param name="prefix">What the names of the databases and roles made start with.</param>
    public TestCatalogs(string prefix = "pgstore")
    {
        this.prefix = prefix;
    }

    /// <summary>The stores to run a theory against: SQLite, and PostgreSQL when the test server is there.</summary>
    public static TheoryData<string> Stores =>
        TestServers.Missing([ConnectionTypes.Postgres]) is null ? new TheoryData<string>(Sqlite, Postgres) : new TheoryData<string>(Sqlite);

    public string Folder => temp.Path;

    /// <summary>What names a new, empty catalog of the store: a file path, or a <c>postgresql://</c> URL.</summary>
    public string Name(string store)
    {
        if (store == Sqlite)
        {
            return temp.Combine($"catalog-{databases.Count}-{Guid.NewGuid():N}.db");
        }

        return Url(CreateDatabase());
    }

    /// <summary>The URL of a catalog in <paramref name="database"/> on the test server, logging in as <paramref name="user"/> (default: the test user).</summary>
    public string Url(string database, string? user = null)
    {
        user ??= TestServers.User(ConnectionTypes.Postgres);
        var server = new NpgsqlConnectionStringBuilder(TestServers.Url(ConnectionTypes.Postgres));
        var passfile = temp.Combine($"{database}-{user}.pgpass");
        File.WriteAllText(passfile, $"{server.Host}:{server.Port}:{database}:{user}:{TestServers.Password(ConnectionTypes.Postgres).Replace(@"\", @"\\", StringComparison.Ordinal).Replace(":", @"\:", StringComparison.Ordinal)}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return $"postgresql://{user}@{server.Host}:{server.Port}/{database}?passfile={Uri.EscapeDataString(passfile)}";
    }

    /// <summary>A new login role (named <c>&lt;prefix&gt;_&lt;what&gt;_...</c>) with the test password; dropped on dispose.</summary>
    public string CreateRole(string what)
    {
        var role = $"{prefix}_{what}_{Guid.NewGuid():N}"[..(prefix.Length + 9 + what.Length)];
        var password = TestServers.Password(ConnectionTypes.Postgres).Replace("'", "''", StringComparison.Ordinal);
        Admin($"CREATE ROLE {role} LOGIN PASSWORD '{password}'");
        roles.Add(role);
        return role;
    }

    /// <summary>A new, empty PostgreSQL database owned by the test user; dropped on dispose.</summary>
    public string CreateDatabase()
    {
        var database = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 17)];
        Admin($"CREATE DATABASE {database}");
        databases.Add(database);
        return database;
    }

    /// <summary>Runs a statement as the test user on the server's <c>shop</c> database (or on <paramref name="database"/>).</summary>
    public static void Admin(string sql, string? database = null)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Url(ConnectionTypes.Postgres))
        {
            Username = TestServers.User(ConnectionTypes.Postgres),
            Password = TestServers.Password(ConnectionTypes.Postgres),
            Database = database ?? "shop",
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var database in databases)
        {
            Drop(database);
        }

        foreach (var role in roles)
        {
            Admin($"DROP ROLE IF EXISTS {role}");
        }

        temp.Dispose();
    }

    /// <summary>
    /// Drops the database. Another role's connection closed by <see cref="NpgsqlConnection.ClearAllPools"/> may still be
    /// ending on the server, which the test user may not terminate: then the drop waits for it, up to 10 seconds.
    /// </summary>
    private static void Drop(string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Admin($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                Thread.Sleep(200);
            }
        }
    }
}
