using DevEndpoint.Formats.Csv;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>
/// The rows of a labelling file (Glue's format: <c>labeling_set_id</c>, <c>label</c>, then the table's columns) or of a
/// DataFrame in that shape, with where each row is, for errors.
/// </summary>
internal sealed class LabelRows
{
    private LabelRows(string source, IReadOnlyList<string> header, List<(string Where, string?[] Fields)> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
    }

    /// <summary>What the rows were read from, as errors name it: <c>The labelling file /x/labels.csv</c>.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows: where each is (<c>The labelling file x, row 3 (line 4)</c>) and its fields (null when empty).</summary>
    public List<(string Where, string?[] Fields)> Rows { get; }

    public static LabelRows ReadFile(string path)
    {
        var source = $"The labelling file {path}";
        if (!File.Exists(path))
        {
            throw MLErrors.NoLabelFile(path);
        }

        var file = CsvTextReader.ReadFile(path, message => MLErrors.BadLabelFile(source, message));
        var rows = file.Rows.Select(r => ($"{source}, row {r.Number} (line {r.Line})", r.Fields)).ToList();
        return new LabelRows(source, file.Header, rows);
    }

    public static LabelRows From(DataFrame frame)
    {
        const string source = "The labelling DataFrame";
        var columns = frame.Columns.Select(FrameColumn.Of).ToList();
        var rows = new List<(string, string?[])>();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            rows.Add(($"{source}, row {row}", columns.Select(c => Blank(c.Text(row))).ToArray()));
        }

        return new LabelRows(source, frame.Columns.Select(c => c.Name).ToList(), rows);
    }

    /// <summary>The index of a column (exact name first, then without case), or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
