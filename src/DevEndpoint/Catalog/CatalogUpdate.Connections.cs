namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>
    /// Adds a connection after checking it (<see cref="Connection.Validated"/>); returns it as stored. Throws a
    /// <see cref="DevEndpointException"/> when it is not valid, holds a secret, or its name (compared without case) is taken.
    /// </summary>
    public Connection PutConnection(Connection connection)
    {
        var stored = connection.Validated();
        if (DataCatalog.FindConnection(this.connection, transaction, stored.Name) is { } existing)
        {
            throw new DevEndpointException(
                $"Connection '{existing.Name}' already exists in the catalog {catalogPath}. Choose another name, or remove it first with connection remove {existing.Name}.");
        }

        Write("INSERT INTO connections (name, definition) VALUES ($name, $definition)", ("$name", stored.Name), ("$definition", CatalogJson.Serialize(stored)));
        return stored;
    }

    /// <summary>Removes a connection; a <see cref="DevEndpointException"/> naming the closest ones when there is none.</summary>
    public void DeleteConnection(string name)
    {
        using var command = DataCatalog.Command(connection, transaction, "DELETE FROM connections WHERE name = $name", [("$name", name)]);
        if (command.ExecuteNonQuery() == 0)
        {
            throw DataCatalog.UnknownConnection(catalogPath, DataCatalog.ReadConnections(connection, transaction), name);
        }
    }
}
