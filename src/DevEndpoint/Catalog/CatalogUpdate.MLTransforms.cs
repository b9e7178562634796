using System.Globalization;

namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>
    /// Adds a machine-learning transform; a <see cref="DevEndpointException"/> when its name (compared without case) is taken.
    /// </summary>
    public void PutMLTransform(MLTransform transform)
    {
        if (DataCatalog.FindMLTransform(connection, transaction, transform.Name) is { } existing)
        {
            throw new DevEndpointException(
                $"ML transform '{existing.Name}' already exists in the catalog {catalogPath}. Choose another name, or delete it first with ml delete {existing.Name}.");
        }

        Write(
            "INSERT INTO ml_transforms (name, transform_id, definition) VALUES ($name, $id, $definition)",
            ("$name", transform.Name),
            ("$id", transform.TransformId),
            ("$definition", CatalogJson.Serialize(transform)));
    }

    /// <summary>Replaces the stored definition of a transform (found by its id).</summary>
    public void UpdateMLTransform(MLTransform transform) =>
        Write(
            "UPDATE ml_transforms SET definition = $definition WHERE transform_id = $id",
            ("$id", transform.TransformId),
            ("$definition", CatalogJson.Serialize(transform)));

    /// <summary>
    /// Deletes a transform with its labels and model; a <see cref="DevEndpointException"/> naming the closest ones when there is none.
    /// </summary>
    public MLTransform DeleteMLTransform(string name)
    {
        var transform = DataCatalog.FindMLTransform(connection, transaction, name)
            ?? throw DataCatalog.UnknownMLTransform(catalogPath, DataCatalog.ReadMLTransforms(connection, transaction), name);
        Write("DELETE FROM ml_transform_labels WHERE transform_id = $id", ("$id", transform.TransformId));
        Write("DELETE FROM ml_transform_models WHERE transform_id = $id", ("$id", transform.TransformId));
        Write("DELETE FROM ml_transforms WHERE transform_id = $id", ("$id", transform.TransformId));
        return transform;
    }

    /// <summary>
    /// Adds labels to a transform (a record labelled again in the same labelling set takes its new label), or replaces all
    /// of them when <paramref name="replace"/> is set. Returns how many labels the transform has now.
    /// </summary>
    public int PutMLTransformLabels(string transformId, IEnumerable<MLTransformLabel> labels, bool replace)
    {
        if (replace)
        {
            Write("DELETE FROM ml_transform_labels WHERE transform_id = $id", ("$id", transformId));
        }

        var next = Convert.ToInt64(ReadScalar("SELECT COALESCE(MAX(seq), 0) FROM ml_transform_labels WHERE transform_id = $id", ("$id", transformId)), CultureInfo.InvariantCulture);
        foreach (var label in labels)
        {
            Write(
                "INSERT INTO ml_transform_labels (transform_id, labeling_set_id, record_key, label, seq) VALUES ($id, $set, $key, $label, $seq) ON CONFLICT (transform_id, labeling_set_id, record_key) DO UPDATE SET label = excluded.label, seq = excluded.seq",
                ("$id", transformId),
                ("$set", label.LabelingSetId),
                ("$key", label.RecordKey),
                ("$label", label.Label),
                ("$seq", ++next));
        }

        return Convert.ToInt32(ReadScalar("SELECT COUNT(*) FROM ml_transform_labels WHERE transform_id = $id", ("$id", transformId)), CultureInfo.InvariantCulture);
    }

    /// <summary>Keeps the trained model of a transform (with its metrics when evaluated), replacing the previous one.</summary>
    public void PutMLTransformModel(string transformId, MLTransformModel model) =>
        Write(
            "INSERT INTO ml_transform_models (transform_id, model, settings, trained_on, metrics) VALUES ($id, $model, $settings, $trained, $metrics) ON CONFLICT (transform_id) DO UPDATE SET model = excluded.model, settings = excluded.settings, trained_on = excluded.trained_on, metrics = excluded.metrics",
            ("$id", transformId),
            ("$model", model.Model),
            ("$settings", model.Settings),
            ("$trained", model.TrainedOn.ToString("O", CultureInfo.InvariantCulture)),
            ("$metrics", model.Metrics is null ? null : CatalogJson.Serialize(model.Metrics)));

    /// <summary>Forgets the trained model of a transform (its labels changed).</summary>
    public void DeleteMLTransformModel(string transformId) =>
        Write("DELETE FROM ml_transform_models WHERE transform_id = $id", ("$id", transformId));
}
