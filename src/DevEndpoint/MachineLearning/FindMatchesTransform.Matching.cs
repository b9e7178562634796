using System.Globalization;
using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning.Internals;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning;

public sealed partial class FindMatchesTransform
{
    /// <summary>The column find-matches adds: records with the same value are one entity.</summary>
    public const string MatchIdColumn = "match_id";

    /// <summary>
    /// Trains the model on every label, keeps it (the transform becomes READY) and estimates the quality of what
    /// find-matches outputs with it from the labels alone (cross-validation over the labelling sets), in Glue's
    /// <c>FindMatchesMetrics</c> shape, kept with the model and as the transform's <c>EvaluationMetrics</c>. When the kept
    /// model was evaluated already (no label changed since), returns its metrics without training again.
    /// </summary>
    public async Task<FindMatchesMetrics> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        var (_, records) = await LoadRecordsAsync(cancellationToken);
        var labels = Labels(records);
        var matcher = NewMatcher(records);
        if (!matcher.CanTrain(labels))
        {
            throw MLErrors.NeedsLabels(Definition, Definition.LabelCount);
        }

        var sets = labels.Select(l => l.SetId).Distinct(StringComparer.Ordinal).Count();
        if (sets < 2)
        {
            throw MLErrors.NeedsTwoSets(Definition, sets);
        }

        if (catalog.GetMLTransformModel(Definition.TransformId) is { Metrics: { } kept } stored && stored.Settings == Settings(matcher))
        {
            return kept;
        }

        var model = matcher.Train(labels);
        var metrics = matcher.Evaluate(labels, model);
        var evaluated = Definition with
        {
            Status = MLTransform.Ready,
            EvaluationMetrics = new EvaluationMetrics(MLTransform.FindMatchesType, metrics),
            LastModifiedOn = DateTimeOffset.UtcNow,
        };
        catalog.Update(u =>
        {
            u.PutMLTransformModel(Definition.TransformId, new MLTransformModel(model.Save(), Settings(matcher), DateTimeOffset.UtcNow, metrics));
            u.UpdateMLTransform(evaluated);
        });
        Definition = evaluated;
        return metrics;
    }

    /// <summary>
    /// The table's rows plus <see cref="MatchIdColumn"/> (records with the same id are one entity), or with
    /// <paramref name="onePerEntity"/> only the record with the lowest primary key of each entity. Trains the model first
    /// when the transform is not READY.
    /// </summary>
    public async Task<DataFrame> FindMatchesAsync(bool onePerEntity = false, CancellationToken cancellationToken = default)
    {
        var (frame, records) = await LoadRecordsAsync(cancellationToken);
        var labels = Labels(records);
        var matcher = NewMatcher(records);
        if (!matcher.CanTrain(labels))
        {
            throw MLErrors.NeedsLabels(Definition, Definition.LabelCount);
        }

        var entities = matcher.Entities(Model(matcher, labels), labels);
        var ids = new Dictionary<int, long>();
        var matchIds = entities.Select(e => ids.TryGetValue(e, out var id) ? id : ids[e] = ids.Count).ToArray();
        var result = frame.Clone();
        result.Columns.Add(new Int64DataFrameColumn(MatchIdColumn, matchIds));
        return onePerEntity ? OnePerEntity(result) : result;
    }

    /// <summary>Of each entity of <paramref name="matches"/>, only the record with the lowest primary key.</summary>
    private DataFrame OnePerEntity(DataFrame matches)
    {
        var keyColumn = matches.Columns.First(c => string.Equals(c.Name, Definition.FindMatches.PrimaryKeyColumnName, StringComparison.OrdinalIgnoreCase));
        var matchIds = matches.Columns[MatchIdColumn];
        var keep = new bool[matches.Rows.Count];
        foreach (var group in Enumerable.Range(0, keep.Length).GroupBy(r => matchIds[r]))
        {
            keep[group.OrderBy(r => keyColumn[r], KeyOrder.Instance).ThenBy(r => r).First()] = true;
        }

        return matches.Filter(new BooleanDataFrameColumn("keep", keep));
    }

    /// <summary>Finds matches (see <see cref="FindMatchesAsync"/>) and writes them to a CSV file; returns them.</summary>
    public async Task<DataFrame> WriteMatchesAsync(string path, bool onePerEntity = false, CancellationToken cancellationToken = default)
    {
        var matches = await FindMatchesAsync(onePerEntity, cancellationToken);
        FrameCsv.WriteFile(path, matches);
        return matches;
    }

    /// <summary>The kept model when it was trained on the current labels and columns, else a new one (kept).</summary>
    private PairClassifier Model(Matcher matcher, List<LabelledRecord> labels)
    {
        if (KeptModel(matcher) is { } kept)
        {
            return kept;
        }

        var model = Train(matcher, labels);
        if (Definition.Status != MLTransform.Ready)
        {
            Store(Definition with { Status = MLTransform.Ready });
        }

        return model;
    }

    /// <summary>The kept model when it was trained on the current labels and on records with the columns of <paramref name="matcher"/>'s, else null.</summary>
    private PairClassifier? KeptModel(Matcher matcher) =>
        catalog.GetMLTransformModel(Definition.TransformId) is { } stored && stored.Settings == Settings(matcher)
            ? PairClassifier.Load(stored.Model, matcher.Features.Count)
            : null;

    private PairClassifier Train(Matcher matcher, List<LabelledRecord> labels)
    {
        var model = matcher.Train(labels);
        var stored = new MLTransformModel(model.Save(), Settings(matcher), DateTimeOffset.UtcNow);
        catalog.Update(u => u.PutMLTransformModel(Definition.TransformId, stored));
        return model;
    }

    /// <summary>What a kept model depends on besides the labels (which drop it when they change): the compared columns and their features.</summary>
    private static string Settings(Matcher matcher)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Columns");
            for (var i = 0; i < matcher.Records.Columns.Length; i++)
            {
                writer.WriteStringValue($"{matcher.Records.Columns[i]}:{matcher.Records.Kinds[i]}");
            }

            writer.WriteEndArray();
            writer.WriteNumber("Features", matcher.Features.Count);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Orders primary keys: numbers by value, anything else by its invariant text.</summary>
    private sealed class KeyOrder : IComparer<object?>
    {
        public static KeyOrder Instance { get; } = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (IConvertible a, IConvertible b) when a is not string && b is not string =>
                a.ToDouble(CultureInfo.InvariantCulture).CompareTo(b.ToDouble(CultureInfo.InvariantCulture)),
            _ => string.CompareOrdinal(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture)),
        };
    }
}
