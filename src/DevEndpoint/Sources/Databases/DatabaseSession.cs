using System.Data.Common;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Sources.Databases;

/// <summary>
/// An open connection to a database with the engine that speaks to it. Every provider error that leaves it is a
/// <see cref="DevEndpointException"/> naming the connection and its target, with secrets masked.
/// </summary>
internal sealed partial class DatabaseSession : IAsyncDisposable
{
    private readonly DatabaseLogin login;

    private DatabaseSession(Connection connection, DatabaseEngine engine, DbConnection database, DatabaseLogin login)
    {
        Connection = connection;
        Engine = engine;
        Database = database;
        this.login = login;
        Target = engine.Target(connection.Url);
    }

    public Connection Connection { get; }

    public DatabaseEngine Engine { get; }

    public DbConnection Database { get; }

    /// <summary>Where the connection points, without secrets.</summary>
    public string Target { get; }

    /// <summary>Opens the connection with its secret; a <see cref="DevEndpointException"/> that says what to fix when it cannot.</summary>
    public static async Task<DatabaseSession> OpenAsync(Connection connection, CancellationToken cancellationToken)
    {
        var engine = DatabaseEngine.For(connection);
        var login = ConnectionSecrets.Login(connection);
        string target;
        DbConnection database;
        try
        {
            target = engine.Target(connection.Url);
            database = engine.Create(connection.Url, login);
        }
        catch (ArgumentException e)
        {
            throw new DevEndpointException($"Connection '{connection.Name}' has a --url the {engine.Classification} provider does not accept: {SecretMask.Apply(e.Message, [login.Password])}. Remove the connection and add it again with a valid --url.");
        }

        try
        {
            await database.OpenAsync(cancellationToken);
            return new DatabaseSession(connection, engine, database, login);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            await database.DisposeAsync();
            var reason = engine.ExplainConnectFailure(e, connection, login) ?? SecretMask.Apply(e.Message, [login.Password]);
            throw new DevEndpointException($"Cannot connect to {target} with connection '{connection.Name}': {reason}");
        }
    }

    public Task<string> ServerVersionAsync(CancellationToken cancellationToken) =>
        Guard(() => Engine.ServerVersionAsync(Database, cancellationToken), "asking for the server version");

    /// <summary>
    /// Runs provider work; a provider error becomes a <see cref="DevEndpointException"/> with <paramref name="explain"/>'s
    /// message when it has one, else saying what was being done and the provider's message, secrets masked.
    /// </summary>
    public async Task<T> Guard<T>(Func<Task<T>> work, string doing, Func<DbException, string?>? explain = null)
    {
        try
        {
            return await work();
        }
        catch (DbException e)
        {
            throw new DevEndpointException(
                explain?.Invoke(e) ?? $"{Target} (connection '{Connection.Name}') failed {doing}: {SecretMask.Apply(e.Message, [login.Password])}");
        }
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
