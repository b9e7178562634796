namespace DevEndpoint.Formats.Csv;

/// <summary>How a delimited text file is written: its delimiter, quote character and whether the first row is a header.</summary>
public sealed record CsvDialect(char Delimiter = ',', char Quote = '"', bool HasHeader = true)
{
    /// <summary>The delimiters the sniffer tries, in Glue's order of preference.</summary>
    public static IReadOnlyList<char> CandidateDelimiters { get; } = [',', '|', '\t', ';'];

    /// <summary>A printable name for a delimiter, for messages.</summary>
    public static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        ',' => "comma",
        ';' => "semicolon",
        '|' => "pipe",
        _ => $"'{delimiter}'",
    };
}
