namespace DevEndpoint.Catalog;

/// <summary>Glue's <c>CsvClassifier</c>: delimited text that the given delimiter and quote split consistently.</summary>
public sealed record CsvCustomClassifier : CustomClassifier
{
    /// <summary>Always <c>csv</c>.</summary>
    public override string Classification { get; init; } = "csv";

    /// <summary>The character between fields. Default <c>,</c>.</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>The character that quotes a field. Default <c>"</c>.</summary>
    public string QuoteSymbol { get; init; } = "\"";

    /// <summary>Whether the first record is a header. Default <see cref="CsvHeader.Unknown"/>: the sniffer decides.</summary>
    public CsvHeader ContainsHeader { get; init; } = CsvHeader.Unknown;

    /// <summary>The column names; empty to take them from the header row (or name them <c>col0</c>, <c>col1</c>, ...).</summary>
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>
    /// Glue's custom datatypes: the only types columns may take (BINARY, BOOLEAN, DATE, DECIMAL, DOUBLE, FLOAT, INT, LONG,
    /// SHORT, STRING, TIMESTAMP); a column whose values fit none of them is a string. Default empty: any inferred type.
    /// </summary>
    public IReadOnlyList<string> CustomDatatypes { get; init; } = [];

    public override string Describe() =>
        $"delimiter {(Delimiter == "\t" ? "tab" : Delimiter)}, quote {QuoteSymbol}, header {ContainsHeader.ToString().ToLowerInvariant()}"
        + (Header.Count > 0 ? $": {string.Join(",", Header)}" : string.Empty)
        + (CustomDatatypes.Count > 0 ? $"; types {string.Join(",", CustomDatatypes)}" : string.Empty);
}

/// <summary>Glue's <c>ContainsHeader</c>: whether a CSV custom classifier's files start with a header row.</summary>
public enum CsvHeader
{
    Unknown,
    Present,
    Absent,
}
