using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.Connections;

public sealed class ConnectionTesterTests
{
    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres, "PostgreSQL 1")]
    [InlineData(ConnectionTypes.MySql, "MariaDB 1")]
    public async Task A_working_connection_reports_the_server_that_answered(string type, string server)
    {
        var target = TestServers.Target(type);
        var check = await ConnectionTester.TestAsync(TestServers.Connection(type));

        Assert.StartsWith(server, check.Server, StringComparison.Ordinal);
        Assert.Equal(target, check.Target);
        Assert.StartsWith($"Connection 'shop' works: {server}", check.ToString(), StringComparison.Ordinal);
    }

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres)]
    [InlineData(ConnectionTypes.MySql)]
    public async Task A_wrong_password_says_so_without_showing_either_password(string type)
    {
        var target = TestServers.Target(type);
        var variable = "DEVENDPOINT_WRONG_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "wrong-" + TestServers.Password(type));
        try
        {
            var connection = TestServers.Connection(type) with { PasswordEnv = variable };

            var error = await Assert.ThrowsAsync<DevEndpointException>(() => ConnectionTester.TestAsync(connection));

            Assert.Equal(
                $"Cannot connect to {target} with connection 'shop': the server refused user '{TestServers.User(type)}' with the password from env {variable}. Check the user and the password, then run connection test shop.",
                error.Message);
            Assert.DoesNotContain(TestServers.Password(type), error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres, "Host=127.0.0.1;Port=1;Database=shop", "postgresql://127.0.0.1:1/shop", "no server answers at 127.0.0.1:1. Check that the server is running and the host and port in the connection's --url.")]
    [InlineData(ConnectionTypes.MySql, "Server=127.0.0.1;Port=1;Database=shop", "mysql://127.0.0.1:1/shop", "no server answers at 127.0.0.1:1. Check that the server is running and the host and port in the connection's --url.")]
    public async Task An_unreachable_server_says_what_to_check(string type, string url, string target, string reason)
    {
        var connection = TestServers.Connection(type) with { Url = url };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ConnectionTester.TestAsync(connection));

        Assert.Equal($"Cannot connect to {target} with connection 'shop': {reason}", error.Message);
        Assert.DoesNotContain(TestServers.Password(type), error.ToString(), StringComparison.Ordinal);
    }

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres)]
    [InlineData(ConnectionTypes.MySql)]
    public async Task A_missing_database_says_what_to_fix(string type)
    {
        var connection = TestServers.Connection(type) with { Url = TestServers.UrlWith(type, database: "no_such_db") };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ConnectionTester.TestAsync(connection));

        Assert.Equal(
            $"Cannot connect to {TestServers.Target(type, "no_such_db")} with connection 'shop': the server has no database 'no_such_db'. Fix Database= in the connection's --url.",
            error.Message);
        Assert.DoesNotContain(TestServers.Password(type), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_connection_opens_the_file_read_only_and_a_missing_file_is_named()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("shop.db");
        using (var create = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            create.Open();
            using var command = create.CreateCommand();
            command.CommandText = "CREATE TABLE t (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var check = await ConnectionTester.TestAsync(new Connection { Name = "local", Type = ConnectionTypes.Sqlite, Url = path }.Validated());
        var missing = folder.Combine("none.db");
        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => ConnectionTester.TestAsync(new Connection { Name = "local", Type = ConnectionTypes.Sqlite, Url = missing }.Validated()));

        Assert.Equal($"sqlite://{path}", check.Target);
        Assert.StartsWith("SQLite 3.", check.Server, StringComparison.Ordinal);
        Assert.Equal(
            $"Cannot connect to sqlite://{missing} with connection 'local': the database file {missing} does not exist or cannot be opened. Fix the path in the connection's --url.",
            error.Message);
        Assert.False(File.Exists(missing));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_credentials_file_named_by_path_gives_the_user_and_password()
    {
        using var folder = new TempFolder();
        var path = folder.Write("shop.ini", $"[ci]\nuser = {TestServers.User(ConnectionTypes.Postgres)}\npassword = {TestServers.Password(ConnectionTypes.Postgres)}\n");
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        catalog.Update(u => u.PutConnection(new Connection { Name = "shop", Type = ConnectionTypes.Postgres, Url = TestServers.Url(ConnectionTypes.Postgres), CredentialsFile = path, Profile = "ci" }));

        var check = await ConnectionTester.TestAsync(catalog.GetConnection("shop"));

        Assert.Equal(TestServers.Target(ConnectionTypes.Postgres), check.Target);
        Assert.Equal($"file {path} [ci]", catalog.GetConnection("shop").SecretSource);
        Assert.DoesNotContain(TestServers.Password(ConnectionTypes.Postgres), System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(catalog.Path)), StringComparison.Ordinal);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task The_catalog_file_never_holds_the_password_of_a_tested_connection()
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        catalog.Update(u => u.PutConnection(TestServers.Connection(ConnectionTypes.Postgres)));

        await ConnectionTester.TestAsync(catalog.GetConnection("shop"));

        var bytes = string.Concat(Directory.GetFiles(folder.Path).Select(p => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(p))));
        Assert.Contains(TestServers.PasswordVariable(ConnectionTypes.Postgres), bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServers.Password(ConnectionTypes.Postgres), bytes, StringComparison.Ordinal);
    }
}
