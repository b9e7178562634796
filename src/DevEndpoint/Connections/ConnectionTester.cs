using DevEndpoint.Catalog;
using DevEndpoint.Catalog.Internals;

namespace DevEndpoint.Connections;

/// <summary><c>connection test</c>: opens a connection with its secret and reports the server that answered.</summary>
internal static class ConnectionTester
{
    private static readonly Dictionary<string, IConnectionTester> Testers = new(StringComparer.Ordinal);

    /// <summary>Tests <paramref name="connection"/>; a <see cref="DevEndpointException"/> without secrets when it does not work.</summary>
    public static Task<ConnectionCheck> TestAsync(Connection connection, CancellationToken cancellationToken = default) =>
        For(connection).TestAsync(connection, cancellationToken);

    /// <summary>The tester of the connection's type.</summary>
    public static IConnectionTester For(Connection connection) =>
        Testers.GetValueOrDefault(connection.Type) ?? throw ConnectionErrors.Invalid(connection.Name, $"'{connection.Type}' is not a connection type.");

    /// <summary>Makes <paramref name="tester"/> the tester of connections of <paramref name="type"/> (the sources register theirs when the assembly loads).</summary>
    internal static void Register(string type, IConnectionTester tester) => Testers[type] = tester;
}
