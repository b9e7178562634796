using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// The ML.NET classifier that tells whether two records are one entity from their similarity features, whose
/// probabilities the trade-offs threshold: boosted decision trees (FastTree, 100 trees of 8 leaves, one thread so that a
/// seed gives one model) once the labels hold <see cref="MinimumPerClassForTrees"/> matching and non-matching pairs each,
/// an L-BFGS logistic regression before (trees overfit a handful of pairs). Trees take the interplay of features that a
/// linear model misses (a different phone number matters little when the name and address agree). The trees' feature
/// gains or the regression's absolute weights give column importances.
/// </summary>
internal sealed class PairClassifier
{
    /// <summary>Labelled pairs of each class from which the classifier is boosted trees.</summary>
    public const int MinimumPerClassForTrees = 100;

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

    /// <summary>The gain of each feature over the trees or its weight in the regression (only for a model trained in this process).</summary>
    public float[]? Weights { get; }

    public static PairClassifier Train(float[][] features, bool[] labels, int seed)
    {
        var context = new MLContext(seed);
        var count = features.Length == 0 ? 0 : features[0].Length;
        var data = context.Data.LoadFromEnumerable(Rows(features, labels), Schema(count));
        var positives = labels.Count(l => l);
        if (Math.Min(positives, labels.Length - positives) < MinimumPerClassForTrees)
        {
            var linear = context.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.1f, NumberOfThreads = 1 }).Fit(data);
            return new PairClassifier(context, linear, count, linear.Model.SubModel.Weights.ToArray());
        }

        var trees = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 5,
            NumberOfThreads = 1,
        }).Fit(data);
        var gains = default(VBuffer<float>);
        trees.Model.SubModel.GetFeatureWeights(ref gains);
        return new PairClassifier(context, trees, count, gains.DenseValues().ToArray());
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
