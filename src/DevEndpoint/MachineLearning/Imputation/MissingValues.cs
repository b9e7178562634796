using System.Globalization;
using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace DevEndpoint.MachineLearning.Imputation;

/// <summary>
/// Glue's FillMissingValues: a model learns a column from the other columns of the rows where it has a value and
/// predicts it where it is missing (null, NaN, or blank text). The column stays as it is; a new column
/// <c>&lt;column&gt;_filled</c> holds its values with the missing ones imputed. Numbers are predicted by a FastTree
/// regression, text and booleans by a maximum-entropy classifier (ML.NET).
/// </summary>
public static class MissingValues
{
    /// <summary>The suffix of the column that holds the imputed values.</summary>
    public const string FilledSuffix = "_filled";

    private const string Transform = "FillMissingValues";

    /// <summary>Imputes the missing values of <paramref name="column"/> into <c>&lt;column&gt;_filled</c> (replaced when the frame has one).</summary>
    public static ImputationResult Fill(DataFrame frame, string column, ImputationOptions? options = null)
    {
        options ??= new();
        var target = FrameColumns.Require(frame, column, Transform);
        var numeric = target.IsNumericColumn();
        if (!numeric && target.DataType != typeof(string) && target.DataType != typeof(bool))
        {
            throw ImputationErrors.UnsupportedType(column, target.DataType);
        }

        var filledName = column + FilledSuffix;
        var features = options.Features?.Select(f => FrameColumns.Require(frame, f, Transform).Name).ToList()
            ?? frame.Columns.Select(c => c.Name).Where(n => n != column && !n.EndsWith(FilledSuffix, StringComparison.Ordinal)).ToList();
        var known = new List<long>();
        var missing = new List<long>();
        for (long row = 0; row < target.Length; row++)
        {
            (ImputationFeatures.IsMissing(target[row]) ? missing : known).Add(row);
        }

        if (known.Count == 0 && missing.Count > 0)
        {
            throw ImputationErrors.NoValues(column);
        }

        var vectors = new ImputationFeatures(frame, features, options);
        var filled = target is ArrowStringDataFrameColumn
            ? new StringDataFrameColumn(filledName, Enumerable.Range(0, (int)target.Length).Select(r => (string?)target[r]))
            : target.Clone();
        filled.SetName(filledName);
        var model = "none";
        if (missing.Count > 0)
        {
            var predictions = numeric
                ? Regress(target, vectors, known, missing, options, out model)
                : Classify(target, vectors, known, missing, options, out model);
            for (var i = 0; i < missing.Count; i++)
            {
                filled[missing[i]] = predictions[i];
            }
        }

        var columns = frame.Columns.Where(c => c.Name != filledName).Select(c => c.Clone()).Append(filled);
        return new ImputationResult(new DataFrame(columns), column, filledName, missing.Count, known.Count, model);
    }

    private static object?[] Regress(DataFrameColumn target, ImputationFeatures vectors, List<long> known, List<long> missing, ImputationOptions options, out string model)
    {
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(NumberRow));
        schema[nameof(NumberRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectors.Size);
        var training = ml.Data.LoadFromEnumerable(
            known.Select(r => new NumberRow { Label = Convert.ToSingle(target[r], CultureInfo.InvariantCulture), Features = vectors.Row(r) }).ToList(), schema);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = options.Trees,
            MinimumExampleCountPerLeaf = Math.Clamp(known.Count / 20, 1, 10),
            NumberOfThreads = 1,
        });
        var fitted = trainer.Fit(training);
        var scored = fitted.Transform(ml.Data.LoadFromEnumerable(missing.Select(r => new NumberRow { Features = vectors.Row(r) }).ToList(), schema));
        model = $"FastTree regression ({options.Trees} trees)";
        var integral = target.DataType != typeof(double) && target.DataType != typeof(float) && target.DataType != typeof(decimal);
        return ml.Data.CreateEnumerable<NumberPrediction>(scored, reuseRowObject: false)
            .Select(p => (object?)Convert.ChangeType(integral ? Math.Round((double)p.Score, MidpointRounding.AwayFromZero) : p.Score, target.DataType, CultureInfo.InvariantCulture))
            .ToArray();
    }

    private static object?[] Classify(DataFrameColumn target, ImputationFeatures vectors, List<long> known, List<long> missing, ImputationOptions options, out string model)
    {
        var labels = known.Select(r => Convert.ToString(target[r], CultureInfo.InvariantCulture)!).ToList();
        var classes = labels.Distinct(StringComparer.Ordinal).Count();
        string[] predicted;
        if (classes == 1)
        {
            model = "the only value";
            predicted = [.. missing.Select(_ => labels[0])];
        }
        else
        {
            var ml = new MLContext(options.Seed);
            var schema = SchemaDefinition.Create(typeof(TextRow));
            schema[nameof(TextRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectors.Size);
            var training = ml.Data.LoadFromEnumerable(known.Select((r, i) => new TextRow { Label = labels[i], Features = vectors.Row(r) }).ToList(), schema);
            var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(TextRow.Label))
                .Append(ml.Transforms.NormalizeMinMax(nameof(TextRow.Features)))
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
                .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(TextPrediction.PredictedLabel)));
            var fitted = pipeline.Fit(training);
            var scored = fitted.Transform(ml.Data.LoadFromEnumerable(missing.Select(r => new TextRow { Label = labels[0], Features = vectors.Row(r) }).ToList(), schema));
            model = $"maximum-entropy classifier ({classes} classes)";
            predicted = [.. ml.Data.CreateEnumerable<TextPrediction>(scored, reuseRowObject: false).Select(p => p.PredictedLabel)];
        }

        return target.DataType == typeof(bool)
            ? [.. predicted.Select(p => (object?)bool.Parse(p))]
            : [.. predicted];
    }

    internal sealed class NumberRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    internal sealed class NumberPrediction
    {
        public float Score { get; set; }
    }

    internal sealed class TextRow
    {
        public string Label { get; set; } = string.Empty;

        public float[] Features { get; set; } = [];
    }

    internal sealed class TextPrediction
    {
        public string PredictedLabel { get; set; } = string.Empty;
    }
}
