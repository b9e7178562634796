using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// The ML.NET classifier that tells whether two records are one entity from their similarity features: an L-BFGS
/// logistic regression, whose probabilities the trade-offs threshold and whose weights give column importances.
/// </summary>
internal sealed class PairClassifier
{
    private readonly MLContext context;
    private readonly ITransformer model;
    private readonly int featureCount;

    private PairClassifier(MLContext context, ITransformer model, int featureCount, float[]? weights)
    {
        this.context = context;
        this.model = model;
        this.featureCount = featureCount;
        Weights = weights;
    }

    /// <summary>The weight of each feature (only for a model trained in this process).</summary>
    public float[]? Weights { get; }

    public static PairClassifier Train(float[][] features, bool[] labels, int seed)
    {
        var context = new MLContext(seed);
        var count = features.Length == 0 ? 0 : features[0].Length;
        var data = context.Data.LoadFromEnumerable(Rows(features, labels), Schema(count));
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.1f, NumberOfThreads = 1 });
        var trained = trainer.Fit(data);
        var weights = trained.Model.SubModel.Weights.ToArray();
        return new PairClassifier(context, trained, count, weights);
    }

    public static PairClassifier Load(byte[] bytes, int featureCount)
    {
        var context = new MLContext(0);
        using var stream = new MemoryStream(bytes);
        return new PairClassifier(context, context.Model.Load(stream, out _), featureCount, null);
    }

    /// <summary>The model as ML.NET saves it (a zip archive).</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        context.Model.Save(model, context.Data.LoadFromEnumerable(Array.Empty<PairRow>(), Schema(featureCount)).Schema, stream);
        return stream.ToArray();
    }

    /// <summary>The probability that each pair is a match.</summary>
    public float[] Probabilities(float[][] features)
    {
        if (features.Length == 0)
        {
            return [];
        }

        var data = context.Data.LoadFromEnumerable(Rows(features, new bool[features.Length]), Schema(featureCount));
        return model.Transform(data).GetColumn<float>("Probability").ToArray();
    }

    private static IEnumerable<PairRow> Rows(float[][] features, bool[] labels) =>
        features.Select((f, i) => new PairRow { Label = labels[i], Features = f });

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(PairRow));
        schema[nameof(PairRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>One pair as ML.NET reads it.</summary>
    private sealed class PairRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
