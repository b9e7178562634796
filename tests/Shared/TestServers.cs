using System.Data.Common;
using DevEndpoint.Catalog;

namespace DevEndpoint.Testing;

/// <summary>
/// The database servers on 127.0.0.1 that <c>scripts/servers.sh</c> starts (<c>./build.sh test</c> runs it and exports the
/// variables): PostgreSQL through <c>DEVENDPOINT_TEST_POSTGRES</c>, MariaDB through <c>DEVENDPOINT_TEST_MYSQL</c>, each with
/// <c>_USER</c> and <c>_PASSWORD</c> variables.
/// </summary>
internal static class TestServers
{
    public const string PostgresVariable = "DEVENDPOINT_TEST_POSTGRES";

    public const string MySqlVariable = "DEVENDPOINT_TEST_MYSQL";

    /// <summary>The variable that holds the connection string of a server type (<c>postgres</c> or <c>mysql</c>).</summary>
    public static string Variable(string type) => type == ConnectionTypes.Postgres ? PostgresVariable : MySqlVariable;

    /// <summary>The variable that holds a server's password: what connections name with <c>--password-env</c>.</summary>
    public static string PasswordVariable(string type) => Variable(type) + "_PASSWORD";

    public static string Url(string type) => Environment.GetEnvironmentVariable(Variable(type))!;

    public static string User(string type) => Environment.GetEnvironmentVariable(Variable(type) + "_USER")!;

    /// <summary>
    /// How messages and table locations name a database on the server of <paramref name="type"/>:
    /// <c>postgresql://127.0.0.1:55450/shop</c>, <c>mysql://127.0.0.1:53350/shop</c>.
    /// </summary>
    public static string Target(string type, string database = "shop")
    {
        var server = Parts(type);
        return $"{(type == ConnectionTypes.Postgres ? "postgresql" : "mysql")}://{server["host"]}:{server["port"]}/{database}";
    }

    /// <summary>The server's connection string with another database (<c>Database=</c>) or port (<c>Port=</c>).</summary>
    public static string UrlWith(string type, string? database = null, int? port = null)
    {
        var server = Parts(type);
        var host = type == ConnectionTypes.Postgres ? "Host" : "Server";
        return $"{host}={server["host"]};Port={port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? server["port"]};Database={database ?? server["database"]}";
    }

    /// <summary>The password, for tests that check it never shows.</summary>
    public static string Password(string type) => Environment.GetEnvironmentVariable(PasswordVariable(type))!;

    /// <summary>A connection to the server of <paramref name="type"/> with its password from the environment.</summary>
    public static Connection Connection(string type, string name = "shop") => new Connection
    {
        Name = name,
        Type = type,
        Url = Url(type),
        User = User(type),
        PasswordEnv = PasswordVariable(type),
    }.Validated();

    private static Dictionary<string, string> Parts(string type)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = Url(type) };
        string Get(params string[] keys) => keys.Where(builder.ContainsKey).Select(k => Convert.ToString(builder[k], System.Globalization.CultureInfo.InvariantCulture)!).First();
        return new Dictionary<string, string>
        {
            ["host"] = Get("Host", "Server"),
            ["port"] = Get("Port"),
            ["database"] = Get("Database"),
        };
    }

    /// <summary>Why tests of these server types cannot run here, or <c>null</c> when they can.</summary>
    public static string? Missing(IEnumerable<string> types)
    {
        var missing = types.Select(Variable).Where(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToList();
        return missing.Count == 0
            ? null
            : $"No test server: {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set. Run ./build.sh test, or start the servers with eval \"$(scripts/servers.sh start | tail -n 6)\".";
    }
}

/// <summary>A fact that needs the test servers of the given types; skipped, with the reason, when they are not there.</summary>
internal sealed class ServerFactAttribute : FactAttribute
{
    public ServerFactAttribute(params string[] types)
    {
        Skip = TestServers.Missing(types.Length == 0 ? [ConnectionTypes.Postgres, ConnectionTypes.MySql] : types);
    }
}

/// <summary>A theory that needs the test servers of the given types (default: PostgreSQL and MariaDB); skipped, with the reason, when they are not there.</summary>
internal sealed class ServerTheoryAttribute : TheoryAttribute
{
    public ServerTheoryAttribute(params string[] types)
    {
        Skip = TestServers.Missing(types.Length == 0 ? [ConnectionTypes.Postgres, ConnectionTypes.MySql] : types);
    }
}
