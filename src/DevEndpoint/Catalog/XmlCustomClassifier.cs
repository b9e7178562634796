namespace DevEndpoint.Catalog;

/// <summary>Glue's <c>XMLClassifier</c>: XML whose root holds elements named by the row tag, one record each.</summary>
public sealed record XmlCustomClassifier : CustomClassifier
{
    /// <summary>The classification given to matching files, e.g. <c>books</c>.</summary>
    public override required string Classification { get; init; }

    /// <summary>The name of the element that holds one record, e.g. <c>book</c> for <c>&lt;book&gt;...&lt;/book&gt;</c>.</summary>
    public required string RowTag { get; init; }

    public override string Describe() => $"row tag <{RowTag}>";
}
