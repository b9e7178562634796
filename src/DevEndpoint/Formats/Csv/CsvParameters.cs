using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// How a dialect is written into a table and read back. Glue's own names where Glue has one (<c>delimiter</c>,
/// <c>skip.header.line.count</c>, OpenCSVSerde's <c>separatorChar</c>/<c>quoteChar</c>/<c>escapeChar</c>,
/// <c>serialization.encoding</c>); DevEndpoint's names for the rest. OpenCSVSerde gets an <c>escapeChar</c> only when it
/// differs from the quote, as Glue's crawler writes it: Hive's OpenCSVSerde refuses a table whose separator, quote and
/// escape are not three different characters.
/// </summary>
internal static class CsvParameters
{
    public const string PreambleLines = "preambleLineCount";
    public const string Comment = "commentChar";
    public const string DateFormatPrefix = "dateFormat.";
    private const string SkipHeaderLineCount = "skip.header.line.count";
    private const string SerDeEncoding = "serialization.encoding";

    public static void AddTableParameters(CsvDialect csv, IDictionary<string, string> parameters)
    {
        parameters["delimiter"] = csv.Delimiter.ToString();
        parameters["columnsOrdered"] = "true";
        parameters["areColumnsQuoted"] = csv.FieldsQuoted ? "true" : "false";
        var skip = csv.PreambleLines + (csv.HasHeader ? 1 : 0);
        if (skip > 0)
        {
            parameters[SkipHeaderLineCount] = skip.ToString(CultureInfo.InvariantCulture);
        }

        if (csv.PreambleLines > 0)
        {
            parameters[PreambleLines] = csv.PreambleLines.ToString(CultureInfo.InvariantCulture);
        }

        if (csv.Comment is { } comment)
        {
            parameters[Comment] = comment.ToString();
        }

        foreach (var (column, format) in csv.DateFormats)
        {
            parameters[DateFormatPrefix + column] = format;
        }
    }

    /// <summary>Quoted fields need OpenCSVSerde (as Glue records them); plain ones LazySimpleSerDe.</summary>
    public static SerDeInfo SerDe(CsvDialect? csv)
    {
        csv ??= new CsvDialect();
        var parameters = csv.FieldsQuoted
            ? new Dictionary<string, string> { ["separatorChar"] = csv.Delimiter.ToString(), ["quoteChar"] = csv.Quote.ToString() }
            : new Dictionary<string, string> { ["field.delim"] = csv.Delimiter.ToString() };
        if (csv.FieldsQuoted && csv.Escape != csv.Quote)
        {
            parameters["escapeChar"] = csv.Escape.ToString();
        }

        if (csv.Encoding != "UTF-8")
        {
            parameters[SerDeEncoding] = csv.Encoding;
        }

        return new SerDeInfo { SerializationLibrary = csv.FieldsQuoted ? StorageFormats.OpenCsvSerDe : StorageFormats.LazySimpleSerDe, Parameters = parameters };
    }

    /// <summary>
    /// The dialect a crawl recorded on a table; tables crawled before these parameters existed read as plain CSV. Without
    /// <c>preambleLineCount</c>, <c>skip.header.line.count</c> lines are skipped as Hive does, the last one being the header.
    /// Without <c>escapeChar</c> a quote is escaped by doubling it; catalogs written before carry <c>escapeChar</c> equal to
    /// <c>quoteChar</c>, which means the same.
    /// </summary>
    public static CsvDialect Read(CatalogTable table)
    {
        var serde = table.StorageDescriptor.SerdeInfo.Parameters;
        char? Char(string? value) => value is { Length: 1 } ? value[0] : null;
        var delimiter = Char(table.Parameter("delimiter")) ?? Char(serde.GetValueOrDefault("separatorChar")) ?? ',';
        var quote = Char(serde.GetValueOrDefault("quoteChar")) ?? '"';
        var skip = int.TryParse(table.Parameter(SkipHeaderLineCount), CultureInfo.InvariantCulture, out var s) ? s : 0;
        var preamble = int.TryParse(table.Parameter(PreambleLines), CultureInfo.InvariantCulture, out var p) ? p : Math.Max(0, skip - 1);
        return new CsvDialect(delimiter, quote, skip > preamble)
        {
            Escape = Char(serde.GetValueOrDefault("escapeChar")) ?? quote,
            Comment = Char(table.Parameter(Comment)),
            PreambleLines = preamble,
            Encoding = serde.GetValueOrDefault(SerDeEncoding) ?? "UTF-8",
            DateFormats = table.Parameters
                .Where(kv => kv.Key.StartsWith(DateFormatPrefix, StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[DateFormatPrefix.Length..], kv => kv.Value, StringComparer.Ordinal),
        };
    }
}
