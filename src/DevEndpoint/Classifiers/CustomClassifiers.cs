using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using DevEndpoint.Catalog;
using DevEndpoint.Catalog.Internals;
using DevEndpoint.Classifiers.Internals;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Json;
using DevEndpoint.Formats.Logs;
using DevEndpoint.Formats.Logs.Internals;

namespace DevEndpoint.Classifiers;

/// <summary>
/// What a crawl runs for a custom classifier the catalog stores: the definition is catalog model, its matching lives here.
/// Registers its check with the catalog when the assembly loads, so a definition is checked before it is stored.
/// </summary>
internal static class CustomClassifiers
{
    extension(CustomClassifier definition)
    {
        /// <summary>The classifier a crawl runs; throws a <see cref="DevEndpointException"/> when the definition is not valid.</summary>
        public IClassifier ToClassifier()
        {
            ClassifierErrors.CheckName(definition.Name);
            return new NamedClassifier(definition.Name, Create(definition));
        }
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The core's classifiers register their check with the catalog once, before it is used.")]
    internal static void Register() => DefinitionChecks.RegisterClassifierCheck(definition => definition.ToClassifier());

    private static IClassifier Create(CustomClassifier definition) => definition switch
    {
        GrokCustomClassifier grok => Grok(grok),
        CsvCustomClassifier csv => Csv(csv),
        JsonCustomClassifier json => Json(json),
        XmlCustomClassifier xml => new RowTagClassifier(ClassifierErrors.CheckClassification(xml.Name, xml.Classification), ClassifierErrors.CheckRowTag(xml.Name, xml.RowTag)),
        _ => throw new UnreachableException($"A custom classifier of kind {definition.Type}."),
    };

    private static IClassifier Grok(GrokCustomClassifier grok)
    {
        ClassifierErrors.CheckClassification(grok.Name, grok.Classification);
        var patterns = GrokPatternLines.Parse(grok.Name, grok.CustomPatterns);
        try
        {
            return new GrokClassifier(grok.Classification, GrokPattern.Compile(grok.GrokPattern, patterns), grok.CustomPatterns);
        }
        catch (ArgumentException e)
        {
            throw ClassifierErrors.Invalid(grok.Name, e.Message.Split(" (Parameter")[0]);
        }
    }

    private static IClassifier Csv(CsvCustomClassifier csv)
    {
        ClassifierErrors.CheckFixedClassification(csv, "csv");
        return new FixedDialectCsvClassifier(ClassifierErrors.Dialect(csv), csv.ContainsHeader, csv.Header, DatatypeFilter.Check(csv.Name, csv.CustomDatatypes));
    }

    private static IClassifier Json(JsonCustomClassifier json)
    {
        ClassifierErrors.CheckFixedClassification(json, "json");
        return new JsonPathClassifier(json.JsonPath, JsonPathClassifier.Parse(json.Name, json.JsonPath));
    }
}
