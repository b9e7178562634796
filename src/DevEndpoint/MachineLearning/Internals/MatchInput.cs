using DevEndpoint.Catalog;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// Records given to incremental matching (the existing matches or the new records): a DataFrame, a catalog table's rows or
/// a CSV file's rows as text, with what they were read from and where each row is, for errors.
/// </summary>
internal sealed class MatchInput
{
    private readonly long[]? lines;

    private MatchInput(string source, DataFrame frame, long[]? lines = null)
    {
        Source = source;
        Frame = frame;
        this.lines = lines;
    }

    /// <summary>What the records were read from, as errors name it: <c>The existing matches file /x/matches.csv</c>.</summary>
    public string Source { get; }

    public DataFrame Frame { get; }

    public static MatchInput Of(string source, DataFrame frame) => new(source, frame);

    /// <summary>A CSV file with a header, every value as text.</summary>
    public static MatchInput ReadCsv(string source, string path)
    {
        if (!File.Exists(path))
        {
            throw MLErrors.NoMatchesFile(path);
        }

        var file = CsvTextReader.ReadFile(path, message => MLErrors.BadMatchesFile(source, message));
        var frame = new DataFrame(file.Header.Select((name, i) => (DataFrameColumn)new StringDataFrameColumn(name, file.Rows.Select(r => r.Fields[i]))));
        return new MatchInput(source, frame, [.. file.Rows.Select(r => r.Line)]);
    }

    /// <summary>Where a row is: <c>The new records DataFrame, row 3</c>, or in a file <c>..., row 4 (line 5)</c>.</summary>
    public string Where(long row) => lines is null ? $"{Source}, row {row}" : $"{Source}, row {row + 1} (line {lines[row]})";

    /// <summary>The input's column named <paramref name="name"/> (exact name first, then without case), or null.</summary>
    public DataFrameColumn? Column(string name) =>
        Frame.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        ?? Frame.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Checks that the input has each of <paramref name="columns"/> and no other column than those and
    /// <paramref name="extra"/> (the existing matches' <c>match_id</c>).
    /// </summary>
    public void CheckColumns(TableName table, IReadOnlyList<Column> columns, string? extra)
    {
        var names = columns.Select(c => c.Name).ToList();
        foreach (var name in names.Where(n => Column(n) is null))
        {
            throw MLErrors.MissingInputColumn(Source, name, table, names, extra);
        }

        var unknown = Frame.Columns.Select(c => c.Name)
            .FirstOrDefault(n => !names.Concat(extra is null ? [] : [extra]).Contains(n, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw MLErrors.UnknownInputColumn(Source, unknown, table, names, extra);
        }
    }

    /// <summary>Appends the input's values of <paramref name="column"/> to <paramref name="builder"/>, read as the column's type.</summary>
    public void AddValues(Column column, ColumnBuilder builder)
    {
        var values = FrameColumn.Of(Column(column.Name)!);
        for (long row = 0; row < Frame.Rows.Count; row++)
        {
            var text = values.Text(row);
            if (text is null || (text.Length == 0 && !string.Equals(column.Type, "string", StringComparison.OrdinalIgnoreCase)))
            {
                builder.AddNull();
            }
            else if (!builder.TryAddText(text, quoted: true))
            {
                throw MLErrors.BadInputValue(Where(row), column, text);
            }
        }
    }
}
