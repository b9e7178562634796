using System.Data.Common;
using DevEndpoint.Connections;

namespace DevEndpoint.Sources.Databases;

/// <summary>What differs between database engines: the provider, identifier quoting, the catalog queries and how errors read.</summary>
internal abstract partial class DatabaseEngine
{
    /// <summary>The engine's name as tables record it in their <c>classification</c> parameter.</summary>
    public abstract string Classification { get; }

    /// <summary>The engine for a database connection's type.</summary>
    public static DatabaseEngine For(Connection connection) => connection.Type switch
    {
        ConnectionTypes.Postgres => new PostgresEngine(),
        ConnectionTypes.MySql => new MySqlEngine(),
        ConnectionTypes.Sqlite => new SqliteEngine(),
        _ => throw new DevEndpointException($"Connection '{connection.Name}' is a {connection.Type} connection, not a database. Use a postgres, mysql or sqlite connection."),
    };

    /// <summary>A closed provider connection for the connection string <paramref name="url"/> with the login added.</summary>
    public abstract DbConnection Create(string url, DatabaseLogin login);

    /// <summary>Where the connection points, without secrets: <c>postgresql://host:port/database</c>.</summary>
    public abstract string Target(string url);

    /// <summary>The server's name and version, as one line.</summary>
    public abstract Task<string> ServerVersionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>An identifier quoted for this engine's SQL.</summary>
    public abstract string Quote(string identifier);

    /// <summary>
    /// The error for a provider exception met while connecting, in words that say what to do; <c>null</c> when the engine
    /// has nothing better than the provider's (masked) message.
    /// </summary>
    public abstract string? ExplainConnectFailure(Exception exception, Connection connection, DatabaseLogin login);

    private protected static string Refused(Connection connection, DatabaseLogin login, string? user) =>
        login.Password is null
            ? $"the server refused user '{user}' without a password. Name the environment variable that holds it with --password-env <VAR>."
            : $"the server refused user '{user}' with the password from {connection.SecretSource}. Check the user and the password, then run connection test {connection.Name}.";

    private protected static string Unreachable(string hostAndPort) =>
        $"no server answers at {hostAndPort}. Check that the server is running and the host and port in the connection's --url.";

    private protected static string NoDatabase(string? database) =>
        $"the server has no database '{database}'. Fix Database= in the connection's --url.";
}
