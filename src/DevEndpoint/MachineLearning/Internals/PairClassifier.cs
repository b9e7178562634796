using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// The ML.NET classifier that tells whether two records are one entity from their similarity features, whose
/// probabilities the trade-offs threshold: an L-BFGS logistic regression, averaged with boosted decision trees (FastTree,
/// 100 trees of 8 leaves, one thread so that a seed gives one model) once the labels hold
/// <see cref="MinimumPerClassForTrees"/> matching and non-matching pairs each (trees overfit a handful of pairs). Trees take
/// the interplay of features that a linear model misses (a different phone number matters little when the name and address
/// agree); the regression keeps the smooth ordering that trees lose between their steps. The regression's absolute weights
/// and the trees' feature gains (each scaled to a largest of 1) give column importances.
/// </summary>
internal sealed class PairClassifier
{
    /// <summary>Labelled pairs of each class from which boosted trees join the regression.</summary>
    public const int MinimumPerClassForTrees = 60;

    private readonly MLContext context;
    private readonly ITransformer[] models;
    private readonly int featureCount;

    private PairClassifier(MLContext context, ITransformer[] models, int featureCount, float[]? weights)
    {
        this.context = context;
        this.models = models;
        this.featureCount = featureCount;
        Weights = weights;
    }

    /// <summary>How much each feature counts in the model (only for a model trained in this process).</summary>
    public float[]? Weights { get; }

    /// <summary>Whether labels with these pairs train boosted trees besides the regression.</summary>
    public static bool TreesFor(bool[] labels)
    {
        var positives = labels.Count(l => l);
        return Math.Min(positives, labels.Length - positives) >= MinimumPerClassForTrees;
    }

    public static PairClassifier Train(float[][] features, bool[] labels, int seed, bool trees)
    {
        var context = new MLContext(seed);
        var count = features.Length == 0 ? 0 : features[0].Length;
        var data = context.Data.LoadFromEnumerable(Rows(features, labels), Schema(count));
        var linear = context.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L2Regularization = 0.1f, NumberOfThreads = 1 }).Fit(data);
        var weights = Scaled(linear.Model.SubModel.Weights.Select(Math.Abs).ToArray());
        if (!trees)
        {
            return new PairClassifier(context, [linear], count, weights);
        }

        var boosted = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 5,
            NumberOfThreads = 1,
        }).Fit(data);
        var gains = default(VBuffer<float>);
        boosted.Model.SubModel.GetFeatureWeights(ref gains);
        var treeWeights = Scaled(gains.DenseValues().ToArray());
        return new PairClassifier(context, [linear, boosted], count, weights.Zip(treeWeights, (a, b) => a + b).ToArray());
    }

    public static PairClassifier Load(byte[] bytes, int featureCount)
    {
        var context = new MLContext(0);
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var models = new ITransformer[reader.ReadInt32()];
        for (var m = 0; m < models.Length; m++)
        {
            using var stream = new MemoryStream(reader.ReadBytes(reader.ReadInt32()));
            models[m] = context.Model.Load(stream, out _);
        }

        return new PairClassifier(context, models, featureCount, null);
    }

    /// <summary>The models as ML.NET saves them (zip archives), each after its length, after their count.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(models.Length);
        var schema = context.Data.LoadFromEnumerable(Array.Empty<PairRow>(), Schema(featureCount)).Schema;
        foreach (var model in models)
        {
            using var archive = new MemoryStream();
            context.Model.Save(model, schema, archive);
            writer.Write((int)archive.Length);
            writer.Write(archive.ToArray());
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>The probability that each pair is a match: the average of the models' probabilities.</summary>
    public float[] Probabilities(float[][] features)
    {
        if (features.Length == 0)
        {
            return [];
        }

        var data = context.Data.LoadFromEnumerable(Rows(features, new bool[features.Length]), Schema(featureCount));
        var sum = new float[features.Length];
        foreach (var model in models)
        {
            var probabilities = model.Transform(data).GetColumn<float>("Probability").ToArray();
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += probabilities[i] / models.Length;
            }
        }

        return sum;
    }

    private static float[] Scaled(float[] values)
    {
        var max = values.DefaultIfEmpty(0).Max();
        return max > 0 ? values.Select(v => v / max).ToArray() : values;
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
