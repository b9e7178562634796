using System.Xml;
using DevEndpoint.Catalog;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Classifiers.Internals;

/// <summary>Checks custom classifier definitions; every message says what to fix.</summary>
internal static class ClassifierErrors
{
    public static void CheckName(string name)
    {
        if (name.Length is 0 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new DevEndpointException(
                $"'{name}' is not a valid classifier name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example app_logs.");
        }
    }

    public static string CheckClassification(string name, string classification) =>
        classification.Length > 0 && classification.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? classification
            : throw Invalid(name, $"the classification '{classification}' is not valid. Use letters, digits, underscores and hyphens, for example app_log.");

    public static void CheckFixedClassification(CustomClassifier classifier, string expected)
    {
        if (classifier.Classification != expected)
        {
            throw Invalid(classifier.Name, $"a {classifier.Type} classifier's classification is always {expected}, not '{classifier.Classification}'.");
        }
    }

    public static string CheckRowTag(string name, string rowTag)
    {
        try
        {
            return XmlConvert.VerifyName(rowTag);
        }
        catch (XmlException)
        {
            throw Invalid(name, $"the row tag '{rowTag}' is not an XML element name. Give the name of the element that holds one record, for example row (for <row>...</row>).");
        }
    }

    public static CsvDialect Dialect(CsvCustomClassifier csv)
    {
        if (csv.Delimiter.Length != 1)
        {
            throw Invalid(csv.Name, $"the delimiter '{csv.Delimiter}' is not one character. Give one, for example , or ; or \\t for a tab.");
        }

        if (csv.QuoteSymbol.Length != 1 || csv.QuoteSymbol == csv.Delimiter)
        {
            throw Invalid(csv.Name, $"the quote symbol '{csv.QuoteSymbol}' is not one character other than the delimiter. Give one, for example \" or '.");
        }

        if (csv.Header.Any(string.IsNullOrWhiteSpace))
        {
            throw Invalid(csv.Name, $"the header '{string.Join(",", csv.Header)}' has an empty column name. Name every column, for example id,name,amount.");
        }

        return new CsvDialect(csv.Delimiter[0], csv.QuoteSymbol[0]) { Escape = csv.QuoteSymbol[0] };
    }

    public static DevEndpointException Invalid(string name, string problem) => new($"Classifier '{name}' is not valid: {problem}");
}
