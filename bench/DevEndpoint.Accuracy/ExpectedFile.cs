namespace DevEndpoint.Accuracy;

/// <summary>
/// What a file's sniffed dialect and column types should be; a <c>null</c> property is not stated. <see cref="ColumnCount"/>
/// is the number of columns, <see cref="PreambleLines"/> the lines before the header or first record.
/// </summary>
internal sealed record ExpectedFile(
    string Path, string Source, char? Delimiter, bool? HasHeader, IReadOnlyList<ExpectedColumn> Columns, bool PartialColumns, int? ColumnCount = null, int? PreambleLines = null);

/// <summary>A column's expected name and type category; <see cref="Position"/> is set when the name is DuckDB's <c>#n</c>.</summary>
internal sealed record ExpectedColumn(string Name, string Category, int? Position);
