using System.Globalization;
using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning.Internals;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning;

public sealed partial class FindMatchesTransform
{
    /// <summary>The labelling sets a generated file holds (at most).</summary>
    public const int LabelingSetsPerRound = 10;

    /// <summary>The records a labelling set holds (at most).</summary>
    public const int RecordsPerLabelingSet = 10;

    /// <summary>
    /// A labelling set in Glue's shape: the columns <c>labeling_set_id</c> and <c>label</c> (empty, for the user to fill in),
    /// then the table's columns, for about 10 sets of up to 10 records none of which is labelled yet. The first round
    /// holds records with their nearest look-alikes; later rounds the pairs the current model is least sure about.
    /// </summary>
    public async Task<DataFrame> GenerateLabelingSetAsync(int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var (frame, records) = await LoadRecordsAsync(cancellationToken);
        var labels = Labels(records);
        var matcher = NewMatcher(records, seed);
        var model = matcher.CanTrain(labels) ? Model(matcher, labels) : null;
        var sets = matcher.LabelingSets(model, labels.Select(l => l.Row).ToHashSet(), LabelingSetsPerRound, RecordsPerLabelingSet);
        var round = 1 + catalog.GetMLTransformLabels(Definition.TransformId)
            .Select(l => Regex.Match(l.LabelingSetId, "^r([0-9]+)-s[0-9]+$"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        var rows = sets.SelectMany(s => s).Select(r => (long)r).ToArray();
        var ids = sets.SelectMany((s, i) => s.Select(_ => $"r{round}-s{i + 1:D2}")).ToArray();
        var result = new DataFrame(new StringDataFrameColumn("labeling_set_id", ids), new StringDataFrameColumn("label", rows.Length));
        var map = new Int64DataFrameColumn("rows", rows);
        foreach (var column in frame.Columns)
        {
            result.Columns.Add(column.Clone(map));
        }

        return result;
    }

    /// <summary>Writes a new labelling set (see <see cref="GenerateLabelingSetAsync"/>) to a CSV file and returns it.</summary>
    public async Task<DataFrame> WriteLabelingSetAsync(string path, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var set = await GenerateLabelingSetAsync(seed, cancellationToken);
        FrameCsv.WriteFile(path, set);
        return set;
    }

    /// <summary>
    /// Imports a labelled CSV file (<c>labeling_set_id</c>, <c>label</c>, then the table's columns): adds its labels, or
    /// replaces every label with <paramref name="replace"/>. A file with a missing column, an empty label or id, or a
    /// record the table does not have is refused with the row named, and nothing is imported.
    /// </summary>
    public Task<LabelImport> ImportLabelsAsync(string path, bool replace = false, CancellationToken cancellationToken = default) =>
        ImportAsync(LabelRows.ReadFile(path), replace, cancellationToken);

    /// <summary>Imports labels from a DataFrame in the shape of a labelling set (as <see cref="GenerateLabelingSetAsync"/> returns, filled in).</summary>
    public Task<LabelImport> ImportLabelsAsync(DataFrame labels, bool replace = false, CancellationToken cancellationToken = default) =>
        ImportAsync(LabelRows.From(labels), replace, cancellationToken);

    private async Task<LabelImport> ImportAsync(LabelRows rows, bool replace, CancellationToken cancellationToken)
    {
        var primaryKey = Definition.FindMatches.PrimaryKeyColumnName;
        int Index(string column) => rows.IndexOf(column) is var i and >= 0 ? i : throw MLErrors.MissingLabelColumn(rows.Source, column, Definition);
        var setIndex = Index("labeling_set_id");
        var labelIndex = Index("label");
        var (frame, records) = await LoadRecordsAsync(cancellationToken);
        foreach (var column in frame.Columns)
        {
            // The table's columns as loaded, as the labelling set writes them: a struct's fields flattened (address.city).
            Index(column.Name);
        }

        var keyIndex = Index(primaryKey);
        if (rows.Rows.Count == 0)
        {
            throw MLErrors.NoLabelRows(rows.Source);
        }

        var labels = new List<MLTransformLabel>();
        var seen = new HashSet<(string, string)>();
        foreach (var (where, fields) in rows.Rows)
        {
            var setId = fields[setIndex]?.Trim() ?? throw MLErrors.EmptyLabelField(where, "labeling_set_id");
            var label = fields[labelIndex]?.Trim() ?? throw MLErrors.EmptyLabelField(where, "label");
            var key = fields[keyIndex] ?? throw MLErrors.EmptyLabelField(where, primaryKey);
            if (!records.RowOfKey.ContainsKey(key))
            {
                throw MLErrors.UnknownRecord(where, Definition, key);
            }

            if (!seen.Add((setId, key)))
            {
                throw MLErrors.RepeatedRecord(where, setId, key);
            }

            labels.Add(new MLTransformLabel(setId, label, key));
        }

        var count = 0;
        var changed = Definition with { Status = MLTransform.NotReady, LastModifiedOn = DateTimeOffset.UtcNow };
        catalog.Update(u =>
        {
            count = u.PutMLTransformLabels(Definition.TransformId, labels, replace);
            u.DeleteMLTransformModel(Definition.TransformId);
            changed = changed with { LabelCount = count };
            u.UpdateMLTransform(changed);
        });
        Definition = changed;
        var sets = catalog.GetMLTransformLabels(Definition.TransformId).Select(l => l.LabelingSetId).Distinct(StringComparer.Ordinal).Count();
        return new LabelImport(labels.Count, count, sets);
    }
}
