using DevEndpoint.Catalog;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of the catalog's custom classifiers.</summary>
internal static class ClassifierViews
{
    public static string Classifiers(string catalogPath, IReadOnlyList<CustomClassifier> classifiers) =>
        new HtmlTable()
            .Heading($"Custom classifiers in {catalogPath}")
            .Table(["classifier", "type", "classification", "definition"], classifiers.Select(c => new[] { c.Name, c.Type, c.Classification, c.Describe() }))
            .Paragraph(classifiers.Count == 0
                ? "No custom classifiers yet: add one with #!classifier add <name> --type grok|csv|json|xml."
                : "Name them in a crawl with #!crawl <path> --database <name> --classifier <name>[,<name>...].")
            .ToString();
}
