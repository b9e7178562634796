using System.Data.Common;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>The connections, by name.</summary>
    public IReadOnlyList<Connection> GetConnections()
    {
        return Read(connection =>
        {
            return ReadConnections(connection, null);
        });
    }

    /// <summary>The named connection; a <see cref="DevEndpointException"/> naming the closest ones when there is none.</summary>
    public Connection GetConnection(string name)
    {
        return Read(connection =>
        {
            return FindConnection(connection, null, name) ?? throw UnknownConnection(Path, ReadConnections(connection, null), name);
        });
    }

    internal static List<Connection> ReadConnections(DbConnection connection, DbTransaction? transaction) =>
        ReadStrings(connection, transaction, "SELECT definition FROM connections ORDER BY name COLLATE NOCASE")
            .Select(CatalogJson.Deserialize<Connection>)
            .ToList();

    internal static Connection? FindConnection(DbConnection connection, DbTransaction? transaction, string name) =>
        ReadStrings(connection, transaction, "SELECT definition FROM connections WHERE name = $name", ("$name", name))
            .Select(CatalogJson.Deserialize<Connection>)
            .FirstOrDefault();

    internal static DevEndpointException UnknownConnection(string path, IReadOnlyList<Connection> all, string name)
    {
        var names = all.Select(c => c.Name).ToList();
        var closest = ClosestNames.Find(name, names);
        var hint = closest.Count > 0
            ? $" Did you mean {Quote(closest)}?"
            : names.Count > 0 ? $" Connections: {Quote(names.Take(10))}." : " The catalog has no connections yet: add one with connection add.";
        return new DevEndpointException($"Connection '{name}' does not exist in the catalog {path}.{hint}");
    }
}
