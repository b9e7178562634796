using System.Globalization;
using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning;

/// <summary>What the <c>ml</c> command line and the <c>#!ml</c> magics say after each step, worded once.</summary>
internal static class MLText
{
    /// <summary>The headings of <see cref="ListRow"/>.</summary>
    public static IReadOnlyList<string> ListHeader { get; } = ["transform", "status", "source", "primary key", "labels", "F1"];

    /// <summary>A transform as lists (<c>ml list</c>, <c>#!ml list</c>) show it.</summary>
    public static IReadOnlyList<string> ListRow(MLTransform transform) =>
    [
        transform.Name,
        transform.Status,
        transform.Source.ToString(),
        transform.FindMatches.PrimaryKeyColumnName,
        transform.LabelCount.ToString(CultureInfo.InvariantCulture),
        transform.EvaluationMetrics?.FindMatchesMetrics.F1.ToString("0.000", CultureInfo.InvariantCulture) ?? string.Empty,
    ];

    public static string LabelingSetWritten(string name, DataFrame set, string path)
    {
        var sets = set.Columns["labeling_set_id"].Cast<string>().Distinct(StringComparer.Ordinal).Count();
        return set.Rows.Count == 0
            ? $"Every record of ML transform '{name}' that has look-alikes is labelled: {path} has no records."
            : $"Wrote {sets} labelling sets ({set.Rows.Count} records) to {path}. Fill in the label column (in one labelling set, records with the same label are one entity) and import it with ml import-labels {name} --input {path}.";
    }

    /// <summary>What a notebook says after putting a labelling set into a DataFrame variable (and a file).</summary>
    public static string LabelingSetInVariable(string name, DataFrame set, string variable, string? path)
    {
        var sets = set.Columns["labeling_set_id"].Cast<string>().Distinct(StringComparer.Ordinal).Count();
        var where = path is null ? $"the DataFrame {variable}" : $"the DataFrame {variable} and {path}";
        return set.Rows.Count == 0
            ? $"Every record of ML transform '{name}' that has look-alikes is labelled: {where} has no records."
            : $"Put {sets} labelling sets ({set.Rows.Count} records) into {where}. Fill in its label column (in one labelling set, records with the same label are one entity), for example {variable}.Columns[\"label\"][0] = \"a\"; then import it with #!ml import-labels {name} --from {variable}.";
    }

    public static string Imported(string name, LabelImport import) =>
        $"Imported {import.Imported} labels into ML transform '{name}': it has {import.LabelCount} labels in {import.LabelingSets} labelling sets.";

    public static string MatchesWritten(DataFrame matches, string path)
    {
        var entities = matches.Columns[FindMatchesTransform.MatchIdColumn].Cast<long?>().Distinct().Count();
        return $"Wrote {matches.Rows.Count} records of {entities} entities to {path}.";
    }

    /// <summary>What incremental matching did with the new records (the rows of <paramref name="matches"/> after the first <paramref name="existing"/>).</summary>
    public static string IncrementalMatched(DataFrame matches, long existing)
    {
        var ids = matches.Columns[FindMatchesTransform.MatchIdColumn];
        var existingIds = new HashSet<long>();
        for (long row = 0; row < existing; row++)
        {
            existingIds.Add((long)ids[row]!);
        }

        var newIds = new List<long>();
        for (var row = existing; row < matches.Rows.Count; row++)
        {
            newIds.Add((long)ids[row]!);
        }

        var joined = newIds.Count(existingIds.Contains);
        var entities = newIds.Where(id => !existingIds.Contains(id)).Distinct().Count();
        return $"Matched {newIds.Count} new records against {existing} existing ones: {joined} joined existing entities, the other {newIds.Count - joined} form {entities} new {(entities == 1 ? "entity" : "entities")}.";
    }

    /// <summary>The metrics as rows of a two-column table.</summary>
    public static IEnumerable<IReadOnlyList<string>> Metrics(FindMatchesMetrics metrics)
    {
        yield return ["AreaUnderPRCurve", Number(metrics.AreaUnderPRCurve)];
        yield return ["Precision", Number(metrics.Precision)];
        yield return ["Recall", Number(metrics.Recall)];
        yield return ["F1", Number(metrics.F1)];
        var matrix = metrics.ConfusionMatrix;
        yield return ["ConfusionMatrix", FormattableString.Invariant($"TP {matrix.NumTruePositives}, FP {matrix.NumFalsePositives}, TN {matrix.NumTrueNegatives}, FN {matrix.NumFalseNegatives}")];
        foreach (var column in metrics.ColumnImportances.OrderByDescending(c => c.Importance))
        {
            yield return [$"Importance of {column.ColumnName}", Number(column.Importance)];
        }
    }

    /// <summary>A transform as rows of a two-column table.</summary>
    public static IEnumerable<IReadOnlyList<string>> Properties(MLTransform transform)
    {
        var parameters = transform.FindMatches;
        yield return ["Name", transform.Name];
        yield return ["TransformId", transform.TransformId];
        yield return ["Status", transform.Status];
        yield return ["Source", transform.Source.ToString()];
        yield return ["PrimaryKeyColumnName", parameters.PrimaryKeyColumnName];
        yield return ["Task", TaskOf(parameters)];
        yield return ["PrecisionRecallTradeoff", Number(parameters.PrecisionRecallTradeoff)];
        yield return ["AccuracyCostTradeoff", Number(parameters.AccuracyCostTradeoff)];
        yield return ["EnforceProvidedLabels", parameters.EnforceProvidedLabels ? "true" : "false"];
        yield return ["LabelCount", transform.LabelCount.ToString(CultureInfo.InvariantCulture)];
        yield return ["CreatedOn", transform.CreatedOn.ToString("u", CultureInfo.InvariantCulture)];
        yield return ["LastModifiedOn", transform.LastModifiedOn.ToString("u", CultureInfo.InvariantCulture)];
        if (transform.EvaluationMetrics is { } evaluation)
        {
            foreach (var row in Metrics(evaluation.FindMatchesMetrics))
            {
                yield return row;
            }
        }
    }

    /// <summary>What the transform finds: <c>record linkage over source</c> (matches across the sources the column names) or <c>deduplication</c>.</summary>
    public static string TaskOf(FindMatchesParameters parameters) =>
        parameters.SourceColumnName is { } column ? $"record linkage over {column}" : "deduplication";

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
