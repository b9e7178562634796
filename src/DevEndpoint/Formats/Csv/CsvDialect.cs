namespace DevEndpoint.Formats.Csv;

/// <summary>
/// How a delimited text file is written: its delimiter, quote character and whether a header row names the columns.
/// The other properties default to plain RFC 4180 CSV in UTF-8.
/// </summary>
internal sealed record CsvDialect(char Delimiter = ',', char Quote = '"', bool HasHeader = true)
{
    /// <summary>The delimiters the sniffer always tries, in Glue's order of preference; others are found by consistency.</summary>
    public static IReadOnlyList<char> CandidateDelimiters { get; } = [',', '|', '\t', ';', '\u0001'];

    /// <summary>The character that escapes a quote inside a quoted field. Default: the quote itself (a doubled quote).</summary>
    public char Escape { get; init; } = '"';

    /// <summary>A line starting with this character is a comment and is skipped; <c>null</c> when there are none.</summary>
    public char? Comment { get; init; }

    /// <summary>Lines before the header (or the first record): titles, notes, blank lines. Default 0.</summary>
    public int PreambleLines { get; init; }

    /// <summary>The text encoding, by its Java charset name: <c>UTF-8</c> (default), <c>UTF-16LE</c>, <c>UTF-16BE</c> or <c>ISO-8859-1</c>.</summary>
    public string Encoding { get; init; } = "UTF-8";

    /// <summary>Whether any field of the sample is quoted.</summary>
    public bool FieldsQuoted { get; init; }

    /// <summary>The .NET date or timestamp pattern of each column written in a form other than ISO 8601, by column name.</summary>
    public IReadOnlyDictionary<string, string> DateFormats { get; init; } = new Dictionary<string, string>();

    /// <summary>A printable name for a delimiter, for messages.</summary>
    public static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        ',' => "comma",
        ';' => "semicolon",
        '|' => "pipe",
        '\u0001' => "\\u0001",
        _ => $"'{delimiter}'",
    };
}
