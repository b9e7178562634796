using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Logs;

/// <summary>
/// Log files of one record per line: the built-in grok classifiers (named as Glue names their classifications) and
/// custom grok classifiers, known by the grok pattern they record, read by <see cref="LogRowReader"/>.
/// </summary>
internal sealed class LogFileFormat : IFileFormat
{
    public IReadOnlyList<IClassifier> Classifiers { get; } =
    [
        new GrokClassifier("combined_apache", GrokPattern.Compile("%{COMBINEDAPACHELOG}"), mayMatch: HasBracket),
        new GrokClassifier("apache", GrokPattern.Compile("%{COMMONAPACHELOG}"), mayMatch: HasBracket),
        new GrokClassifier("linux_kernel", GrokPattern.Compile("%{SYSLOGLINE}"), mayMatch: StartsWithMonth),
    ];

    /// <summary>An Apache log line holds its time in brackets (<c>[10/Oct/2000:13:55:36 -0700]</c>).</summary>
    internal static bool HasBracket(string line) => line.Contains('[', StringComparison.Ordinal);

    /// <summary>A syslog line starts with its month's name (<c>Oct 11 22:14:15</c>), capitalised.</summary>
    internal static bool StartsWithMonth(string line) => line.Length > 0 && line[0] is 'J' or 'F' or 'M' or 'A' or 'S' or 'O' or 'N' or 'D';

    public IReadOnlyList<string> Classifications => [.. Classifiers.Select(c => c.Name)];

    public bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters) => parameters.ContainsKey(GrokClassifier.PatternParameter);

    /// <summary>Glue's GrokSerDe: the pattern in <c>input.format</c>, a custom classifier's named patterns in <c>input.grokCustomPatterns</c>.</summary>
    public StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns)
    {
        var parameters = new Dictionary<string, string> { [StorageFormats.GrokSerDeFormatParameter] = schema.Parameters[GrokClassifier.PatternParameter] };
        if (schema.Parameters.GetValueOrDefault(GrokClassifier.CustomPatternsParameter) is { } customPatterns)
        {
            parameters[StorageFormats.GrokSerDeCustomPatternsParameter] = customPatterns;
        }

        return StorageFormats.Text(StorageFormats.GrokSerDe, parameters);
    }

    public FormatReader Reader(CatalogTable table) => new LogRowReader(table, table.StorageDescriptor.Parameters[GrokClassifier.PatternParameter]);
}
