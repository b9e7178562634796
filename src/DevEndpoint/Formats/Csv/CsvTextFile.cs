namespace DevEndpoint.Formats.Csv;

/// <summary>A CSV file's header and records, read by <see cref="CsvTextReader.ReadFile"/>.</summary>
internal sealed record CsvTextFile(IReadOnlyList<string> Header, IReadOnlyList<CsvTextRow> Rows);

/// <summary>A record of a CSV file: its number (1-based, the header not counted), the line it starts on and its fields (null when empty).</summary>
internal sealed record CsvTextRow(long Number, long Line, string?[] Fields);
