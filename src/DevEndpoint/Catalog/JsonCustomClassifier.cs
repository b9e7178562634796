namespace DevEndpoint.Catalog;

/// <summary>
/// Glue's <c>JsonClassifier</c>: JSON whose records are the objects of the array a JSON path selects, such as <c>$[*]</c>
/// (a top-level array) or <c>$.records[*]</c> (the array under the <c>records</c> property).
/// </summary>
public sealed record JsonCustomClassifier : CustomClassifier
{
    /// <summary>Always <c>json</c>.</summary>
    public override string Classification { get; init; } = "json";

    /// <summary>The path of the array of records: <c>$[*]</c>, or <c>$.name[*]</c>, <c>$.name.inner[*]</c>, ...</summary>
    public required string JsonPath { get; init; }

    public override string Describe() => $"JSON path {JsonPath}";
}
