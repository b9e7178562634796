using Microsoft.Data.Analysis;

namespace DevEndpoint.Frames;

/// <summary>
/// The first rows of a DataFrame as a table of text, laid out the same in a notebook (HTML) and on the command line:
/// cells formatted by <see cref="CellText"/>, a date column (every time midnight) shown as dates, numbers aligned right.
/// </summary>
internal sealed record FrameTable(IReadOnlyList<string> Header, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows, long TotalRows)
{
    /// <summary>The first <paramref name="maxRows"/> rows of <paramref name="frame"/>.</summary>
    public static FrameTable Of(DataFrame frame, int maxRows)
    {
        var shown = (int)Math.Min(maxRows, frame.Rows.Count);
        var columns = frame.Columns;
        var dateOnly = columns.Select(IsDateOnly).ToArray();
        var rows = new List<IReadOnlyList<string>>(shown);
        for (var row = 0; row < shown; row++)
        {
            var cells = new string[columns.Count];
            for (var column = 0; column < columns.Count; column++)
            {
                cells[column] = CellText.Shorten(CellText.Format(columns[column][row], dateOnly[column]));
            }

            rows.Add(cells);
        }

        return new FrameTable(
            [.. columns.Select(c => c.Name)],
            [.. columns.Select(c => CellText.IsNumber(c.DataType))],
            rows,
            frame.Rows.Count);
    }

    /// <summary>The table as text (<see cref="TextGrid"/>) and the <see cref="Caption"/>.</summary>
    public string ToText() => TextGrid.Write(Header, RightAligned, Rows) + Caption;

    /// <summary>How many rows and columns the frame has, and how many rows the table shows when not all.</summary>
    public string Caption =>
        Rows.Count < TotalRows
            ? $"{TotalRows} rows x {Header.Count} columns, showing the first {Rows.Count}."
            : $"{TotalRows} rows x {Header.Count} columns.";

    private static bool IsDateOnly(DataFrameColumn column)
    {
        if (column is not PrimitiveDataFrameColumn<DateTime> times)
        {
            return false;
        }

        for (long i = 0; i < times.Length; i++)
        {
            if (times[i] is { } time && time.TimeOfDay != TimeSpan.Zero)
            {
                return false;
            }
        }

        return true;
    }
}
