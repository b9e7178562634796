using System.Diagnostics;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Sources.Databases;

/// <summary>Tests a database connection: logs in and asks the server for its version.</summary>
internal sealed class DatabaseConnectionTester : IConnectionTester
{
    public async Task<ConnectionCheck> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await using var session = await DatabaseSession.OpenAsync(connection, cancellationToken);
        var version = await session.ServerVersionAsync(cancellationToken);
        return new ConnectionCheck(connection.Name, connection.Type, session.Target, version, watch.Elapsed);
    }
}
