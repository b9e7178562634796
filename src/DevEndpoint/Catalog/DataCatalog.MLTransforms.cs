using System.Data.Common;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>The machine-learning transforms, by name.</summary>
    public IReadOnlyList<MLTransform> GetMLTransforms() => Read(connection => ReadMLTransforms(connection, null));

    /// <summary>The named transform; a <see cref="DevEndpointException"/> naming the closest ones when there is none.</summary>
    public MLTransform GetMLTransform(string name) => Read(connection =>
        FindMLTransform(connection, null, name) ?? throw UnknownMLTransform(Path, ReadMLTransforms(connection, null), name));

    /// <summary>The labels of a transform, by labelling set then record key.</summary>
    public IReadOnlyList<MLTransformLabel> GetMLTransformLabels(string transformId) => Read<IReadOnlyList<MLTransformLabel>>(connection =>
    {
        using var command = Command(
            connection,
            null,
            "SELECT labeling_set_id, label, record_key FROM ml_transform_labels WHERE transform_id = $id ORDER BY labeling_set_id, seq",
            [("$id", transformId)]);
        using var reader = command.ExecuteReader();
        var labels = new List<MLTransformLabel>();
        while (reader.Read())
        {
            labels.Add(new MLTransformLabel(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return labels;
    });

    /// <summary>The trained model of a transform, or <c>null</c> before it is trained.</summary>
    public MLTransformModel? GetMLTransformModel(string transformId) => Read(connection =>
    {
        using var command = Command(connection, null, "SELECT model, settings, trained_on, metrics FROM ml_transform_models WHERE transform_id = $id", [("$id", transformId)]);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new MLTransformModel(
                (byte[])reader.GetValue(0),
                reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : CatalogJson.Deserialize<FindMatchesMetrics>(reader.GetString(3)))
            : null;
    });

    internal static List<MLTransform> ReadMLTransforms(DbConnection connection, DbTransaction? transaction) =>
        ReadStrings(connection, transaction, "SELECT definition FROM ml_transforms ORDER BY name COLLATE NOCASE")
            .Select(CatalogJson.Deserialize<MLTransform>)
            .ToList();

    internal static MLTransform? FindMLTransform(DbConnection connection, DbTransaction? transaction, string name) =>
        ReadStrings(connection, transaction, "SELECT definition FROM ml_transforms WHERE name = $name", ("$name", name))
            .Select(CatalogJson.Deserialize<MLTransform>)
            .FirstOrDefault();

    internal static DevEndpointException UnknownMLTransform(string path, IReadOnlyList<MLTransform> all, string name)
    {
        var names = all.Select(t => t.Name).ToList();
        var closest = ClosestNames.Find(name, names);
        var hint = closest.Count > 0
            ? $" Did you mean {Quote(closest)}?"
            : names.Count > 0 ? $" Transforms: {Quote(names.Take(10))}." : " The catalog has no ML transforms yet: create one with ml create.";
        return new DevEndpointException($"ML transform '{name}' does not exist in the catalog {path}.{hint}");
    }
}
