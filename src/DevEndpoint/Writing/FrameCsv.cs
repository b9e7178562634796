using CsvHelper;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Writing;

/// <summary>
/// The one CSV writer: FrameWriter's CSV files, the matches and labelling sets of FindMatches and the CLI's CSV output.
/// CsvHelper writes UTF-8 without a byte order mark: a header line, LF line endings, each value as
/// <see cref="FrameColumn.Text"/> gives it and nothing for a null. A field is quoted (quotes doubled) when it holds a comma,
/// a quote or a line break, starts or ends with white space, or is an empty string, so that a reader tells it from a null.
/// </summary>
internal static class FrameCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { NewLine = "\n" };

    /// <summary>Writes <paramref name="rows"/> of <paramref name="columns"/> to <paramref name="stream"/>, which stays open.</summary>
    public static void Write(Stream stream, IReadOnlyList<FrameColumn> columns, IEnumerable<long> rows)
    {
        using var writer = CsvWriter.Create(stream, Options, leaveOpen: true);
        WriteRecords(writer, columns, rows);
    }

    /// <summary>Writes a frame to <paramref name="output"/>, which stays open.</summary>
    public static void Write(TextWriter output, DataFrame frame)
    {
        using var writer = CsvWriter.Create(output, Options, leaveOpen: true);
        WriteRecords(writer, frame.Columns.Select(FrameColumn.Of).ToList(), Rows(frame));
    }

    /// <summary>Writes a frame to a file, creating its folder; a reader of the file never sees it half-written.</summary>
    public static void WriteFile(string path, DataFrame frame)
    {
        var columns = frame.Columns.Select(FrameColumn.Of).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = File.Create(temporary))
        {
            Write(file, columns, Rows(frame));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteRecords(CsvWriter writer, IReadOnlyList<FrameColumn> columns, IEnumerable<long> rows)
    {
        foreach (var column in columns)
        {
            WriteField(writer, column.Name);
        }

        writer.EndRecord();
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                WriteField(writer, column.Text(row));
            }

            writer.EndRecord();
        }
    }

    /// <summary>
    /// A value; CsvHelper quotes it when it holds the separator, a quote or a line break, and here also when it is empty
    /// or has white space at either end (any white space, not only the spaces and tabs of <see cref="CsvQuoting.WhenNeededOrWhitespace"/>).
    /// </summary>
    private static void WriteField(CsvWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteField(value);
            return;
        }

        var quote = value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        writer.WriteField(value, quote ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
    }

    private static IEnumerable<long> Rows(DataFrame frame)
    {
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            yield return row;
        }
    }
}
