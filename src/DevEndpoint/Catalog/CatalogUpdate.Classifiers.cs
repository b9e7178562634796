namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>
    /// Adds a custom classifier after checking its definition. Throws a <see cref="DevEndpointException"/> when it is not
    /// valid or its name (compared without case) is taken.
    /// </summary>
    public void PutClassifier(CustomClassifier classifier)
    {
        classifier.Validate();
        if (DataCatalog.FindClassifier(connection, transaction, classifier.Name) is { } existing)
        {
            throw new DevEndpointException(
                $"Classifier '{existing.Name}' already exists in the catalog {catalogPath}. Choose another name, or remove it first with classifier remove {existing.Name}.");
        }

        Write("INSERT INTO classifiers (name, definition) VALUES ($name, $definition)", ("$name", classifier.Name), ("$definition", CatalogJson.Serialize(classifier)));
    }

    /// <summary>Removes a custom classifier; a <see cref="DevEndpointException"/> naming the closest ones when there is none.</summary>
    public void DeleteClassifier(string name)
    {
        using var command = DataCatalog.Command(connection, transaction, "DELETE FROM classifiers WHERE name = $name", [("$name", name)]);
        if (command.ExecuteNonQuery() == 0)
        {
            throw DataCatalog.UnknownClassifier(catalogPath, DataCatalog.ReadClassifiers(connection, transaction), name);
        }
    }
}
