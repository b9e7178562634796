using DevEndpoint.Catalog;

namespace DevEndpoint.Connections;

/// <summary>Opens a connection of one type and reports what answered, or throws a <see cref="DevEndpointException"/> without secrets.</summary>
internal interface IConnectionTester
{
    Task<ConnectionCheck> TestAsync(Connection connection, CancellationToken cancellationToken = default);
}
