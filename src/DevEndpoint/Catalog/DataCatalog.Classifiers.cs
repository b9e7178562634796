using System.Data.Common;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>The custom classifiers, by name.</summary>
    public IReadOnlyList<CustomClassifier> GetClassifiers()
    {
        return Read(connection =>
        {
            return ReadClassifiers(connection, null);
        });
    }

    /// <summary>The named custom classifier; a <see cref="DevEndpointException"/> naming the closest ones when there is none.</summary>
    public CustomClassifier GetClassifier(string name)
    {
        return Read(connection =>
        {
            return FindClassifier(connection, null, name) ?? throw UnknownClassifier(Path, ReadClassifiers(connection, null), name);
        });
    }

    internal static List<CustomClassifier> ReadClassifiers(DbConnection connection, DbTransaction? transaction) =>
        ReadStrings(connection, transaction, "SELECT definition FROM classifiers ORDER BY name COLLATE NOCASE")
            .Select(CatalogJson.Deserialize<CustomClassifier>)
            .ToList();

    internal static CustomClassifier? FindClassifier(DbConnection connection, DbTransaction? transaction, string name) =>
        ReadStrings(connection, transaction, "SELECT definition FROM classifiers WHERE name = $name", ("$name", name))
            .Select(CatalogJson.Deserialize<CustomClassifier>)
            .FirstOrDefault();

    internal static DevEndpointException UnknownClassifier(string path, IReadOnlyList<CustomClassifier> all, string name)
    {
        var names = all.Select(c => c.Name).ToList();
        var closest = ClosestNames.Find(name, names);
        var hint = closest.Count > 0
            ? $" Did you mean {Quote(closest)}?"
            : names.Count > 0 ? $" Classifiers: {Quote(names.Take(10))}." : " The catalog has no classifiers yet: add one with classifier add.";
        return new DevEndpointException($"Classifier '{name}' does not exist in the catalog {path}.{hint}");
    }
}
