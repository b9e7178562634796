using System.Text.Json.Serialization;
using DevEndpoint.Catalog.Internals;

namespace DevEndpoint.Catalog;

/// <summary>
/// A custom classifier stored in the catalog, as in Glue: a grok pattern, a CSV dialect, a JSON path or an XML row tag,
/// named in a crawl to run before the built-in classifiers. It claims a file only when it matches it (certainty 1.0).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "Type")]
[JsonDerivedType(typeof(GrokCustomClassifier), "grok")]
[JsonDerivedType(typeof(CsvCustomClassifier), "csv")]
[JsonDerivedType(typeof(JsonCustomClassifier), "json")]
[JsonDerivedType(typeof(XmlCustomClassifier), "xml")]
public abstract record CustomClassifier
{
    /// <summary>Only the four kinds above, which the crawler knows how to run.</summary>
    private protected CustomClassifier()
    {
    }

    /// <summary>The classifier's name, unique in the catalog: letters, digits, underscores, hyphens and dots.</summary>
    public required string Name { get; init; }

    /// <summary>The classifier's kind: <c>grok</c>, <c>csv</c>, <c>json</c> or <c>xml</c>.</summary>
    [JsonIgnore]
    public string Type => this switch
    {
        GrokCustomClassifier => "grok",
        CsvCustomClassifier => "csv",
        JsonCustomClassifier => "json",
        _ => "xml",
    };

    /// <summary>The classification it gives the tables it matches: its own for grok and XML, <c>csv</c> or <c>json</c> for the others.</summary>
    public abstract string Classification { get; init; }

    /// <summary>The definition in one line, for lists: the pattern, dialect, path or row tag.</summary>
    public abstract string Describe();

    /// <summary>Checks the definition; throws a <see cref="DevEndpointException"/> saying what to fix.</summary>
    public void Validate() => DefinitionChecks.CheckClassifier(this);
}
