using System.Diagnostics;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.ObjectStores;

/// <summary>Tests an <c>s3</c> connection: lists the buckets with its keys, which needs the endpoint to answer and the keys to be accepted.</summary>
internal sealed class ObjectStoreConnectionTester : IConnectionTester
{
    public async Task<ConnectionCheck> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var store = ObjectStoreConnections.Open(connection);
        var buckets = await store.ListBucketsAsync(cancellationToken);
        return new ConnectionCheck(connection.Name, connection.Type, store.Settings.Describe(), $"S3 object store with {buckets.Count} bucket(s)", watch.Elapsed);
    }
}
