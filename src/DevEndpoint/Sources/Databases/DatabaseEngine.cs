using System.Data.Common;
using DevEndpoint.Catalog;
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
        _ => throw new DevEndpointException($"Connection '{connection.Name}' is an {connection.Type} connection, not a database. Use a postgres, mysql or sqlite connection."),
    };

    /// <summary>A closed provider connection for the connection string <paramref name="url"/> with the login added.</summary>
    public abstract DbConnection Create(string url, DatabaseLogin login);

    /// <summary>Where the connection points, without secrets: <c>postgresql://host:port/database</c>.</summary>
    public abstract string Target(string url);

    /// <summary>The server's name and version, as one line.</summary>
    public abstract Task<string> ServerVersionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>An identifier quoted for this engine's SQL.</summary>
    public abstract string Quote(string identifier);

    /// <summary>A quoted column as LIKE compares it: as text (PostgreSQL casts what is not text already).</summary>
    public virtual string TextColumn(string quoted, string? sourceType) => quoted;

    /// <summary>Whether a provider error says that a table does not exist.</summary>
    public abstract bool IsMissingTable(Exception exception);

    /// <summary>What the parts of a path name: <c>database/schema/table</c> for PostgreSQL, <c>database/table</c> for MySQL, <c>schema/table</c> for SQLite.</summary>
    public abstract IReadOnlyList<string> PathParts { get; }

    /// <summary>The connection string that reaches the objects of <paramref name="path"/>' first part (PostgreSQL connects to one database at a time).</summary>
    public virtual string UrlFor(string url, IReadOnlyList<string> path) => url;

    /// <summary>The tables and views the connection sees, but for the engine's own catalogs.</summary>
    public abstract Task<List<SourceTable>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A table's columns, in order, and its primary key columns, in key order.</summary>
    public abstract Task<(List<SourceColumn> Columns, List<string> PrimaryKey)> DescribeAsync(DbConnection connection, SourceTable table, CancellationToken cancellationToken);

    /// <summary>The server (or SQLite file) a connection string reaches, without secrets: <c>postgresql://host:port</c>.</summary>
    public abstract string Server(string url);

    /// <summary>The catalog location of a table, without secrets: <c>postgresql://host:port/database/schema/table</c>, each part URL-escaped.</summary>
    public string Location(string url, SourceTable table) => $"{Server(url)}/{string.Join('/', table.Path.Select(Uri.EscapeDataString))}";

    /// <summary>The table's name as this engine's SQL writes it, every part quoted.</summary>
    public string QualifiedName(IReadOnlyList<string> path) => string.Join('.', path.Skip(path.Count - QualifiedParts).Select(Quote));

    /// <summary>How many trailing parts of a path name a table in SQL (PostgreSQL: schema and table, the database being the connection's).</summary>
    private protected abstract int QualifiedParts { get; }

    /// <summary>The path of a catalogued table, from the last parts of its location.</summary>
    public IReadOnlyList<string> PathOf(string location)
    {
        var parts = location.Split('/');
        return parts.Length < PathParts.Count + 3
            ? throw new DevEndpointException($"The location {location} does not name a {Classification} table as {string.Join('/', PathParts)}. Crawl the connection again.")
            : parts.Skip(parts.Length - PathParts.Count).Select(Uri.UnescapeDataString).ToList();
    }

    private protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private protected static string? Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;

    private protected static long? Number(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private protected static bool Flag(DbDataReader reader, int ordinal) =>
        Convert.ToBoolean(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

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
