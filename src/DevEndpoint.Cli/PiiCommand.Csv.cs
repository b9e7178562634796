using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Cli;

/// <summary>A frame as CSV: a header row, values invariant, fields quoted when they hold a comma, quote or line break.</summary>
internal static partial class PiiCommand
{
    private static void WriteCsv(string path, DataFrame frame)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(text, frame);
        AtomicFile.Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()));
    }

    private static void WriteCsv(TextWriter output, DataFrame frame)
    {
        output.WriteLine(string.Join(',', frame.Columns.Select(c => Field(c.Name))));
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            output.WriteLine(string.Join(',', frame.Columns.Select(c => c[row] switch
            {
                null => string.Empty,
                DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                IFormattable value => Field(value.ToString(null, CultureInfo.InvariantCulture)),
                var value => Field(value.ToString() ?? string.Empty),
            })));
        }
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
