using System.Globalization;
using DevEndpoint.MachineLearning.Imputation;
using DevEndpoint.MachineLearning.Pii;

namespace DevEndpoint.Interactive.Views;

/// <summary>The HTML summaries of <c>#!pii</c> and <c>#!fill-missing</c>.</summary>
internal static class MachineLearningViews
{
    public static string Detection(string source, PiiOptions options, PiiDetection detection, bool recorded, string? variable)
    {
        var html = new HtmlTable().Paragraph(detection.Describe(source, options.ThresholdFraction));
        if (detection.Columns.Count == 0)
        {
            html.Paragraph("No column is classified as holding sensitive data.");
        }
        else
        {
            html.Table(
                ["column", "entity type", "fraction", "matched", "sampled"],
                detection.Columns.Select(c => (IReadOnlyList<string>)[c.Column, c.EntityType, Invariant(c.Fraction), Invariant(c.MatchedValues), Invariant(c.SampledValues)]));
        }

        if (recorded)
        {
            html.Paragraph($"Recorded {SensitiveData.EntityTypesParameter} on {detection.ColumnEntityTypes().Count} columns of {source} in the catalog.");
        }

        if (variable is not null)
        {
            html.Paragraph(options.Action == PiiAction.Detect
                ? $"{variable}: the {Invariant(detection.Entities.Count)} entities found, as a DataFrame."
                : $"{variable}: the data of {source} with its entities replaced ({options.Action}).");
        }

        return html.ToString();
    }

    public static string CrawlDetection(IReadOnlyList<PiiTableRecord> records)
    {
        var html = new HtmlTable().Paragraph($"Sensitive data ({SensitiveData.EntityTypesParameter} recorded on the columns):");
        foreach (var line in SensitiveData.DescribeCrawl(records))
        {
            html.Paragraph(line);
        }

        return html.ToString();
    }

    public static string Imputation(string variable, IReadOnlyList<ImputationResult> results) =>
        new HtmlTable()
            .Paragraph($"{variable}: missing values imputed into {string.Join(", ", results.Select(r => r.FilledColumn))}.")
            .Table(
                ["column", "filled column", "values imputed", "rows learnt from", "model"],
                results.Select(r => (IReadOnlyList<string>)[r.Column, r.FilledColumn, Invariant(r.Filled), Invariant(r.TrainingRows), r.Model]))
            .ToString();

    private static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
