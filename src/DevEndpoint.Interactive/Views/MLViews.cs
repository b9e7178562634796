using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of machine-learning transforms: the list, one transform, its metrics and what each step did.</summary>
internal static class MLViews
{
    public static string Transforms(string catalogPath, IReadOnlyList<MLTransform> transforms) =>
        new HtmlTable()
            .Heading($"ML transforms in {catalogPath}")
            .Table(MLText.ListHeader, transforms.Select(MLText.ListRow))
            .Paragraph(transforms.Count == 0
                ? "No ML transforms yet: create one with #!ml create <name> --source <db>.<table> --primary-key <column>."
                : "Show one with #!ml show <name>; label more records with #!ml labeling-set <name> --as <variable>.")
            .ToString();

    public static string Transform(MLTransform transform) =>
        new HtmlTable()
            .Heading($"ML transform {transform.Name}")
            .Table(["property", "value"], MLText.Properties(transform))
            .ToString();

    public static string Metrics(string name, FindMatchesMetrics metrics) =>
        new HtmlTable()
            .Heading($"Estimated quality of {name} (cross-validated on its labels)")
            .Table(["metric", "value"], MLText.Metrics(metrics))
            .ToString();

    public static string Message(string text) => new HtmlTable().Paragraph(text).ToString();
}
