using DevEndpoint.Catalog;
using DevEndpoint.ObjectStores;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Connections;

/// <summary><c>connection test</c>: opens a connection with its secret and reports the server that answered.</summary>
public static class ConnectionTester
{
    /// <summary>Tests <paramref name="connection"/>; a <see cref="DevEndpointException"/> without secrets when it does not work.</summary>
    public static Task<ConnectionCheck> TestAsync(Connection connection, CancellationToken cancellationToken = default) =>
        For(connection).TestAsync(connection, cancellationToken);

    /// <summary>The tester of the connection's type.</summary>
    public static IConnectionTester For(Connection connection) => connection.Type switch
    {
        ConnectionTypes.S3 => new ObjectStoreConnectionTester(),
        _ when ConnectionTypes.IsDatabase(connection.Type) => new DatabaseConnectionTester(),
        _ => throw ConnectionErrors.Invalid(connection.Name, $"'{connection.Type}' is not a connection type."),
    };
}
