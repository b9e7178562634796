using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>CSV (a header line, fields quoted when needed) or JSON lines, UTF-8, gzip-compressed when asked.</summary>
    private static void WriteText(string path, IReadOnlyList<FrameColumn> columns, IReadOnlyList<long> rows, WriteFormat format, string codec)
    {
        using var file = File.Create(path);
        using var stream = codec == Formats.Compression.Gzip ? new GZipStream(file, CompressionLevel.Optimal) : (Stream)file;
        if (format == WriteFormat.Csv)
        {
            using var text = new StreamWriter(stream, Utf8) { NewLine = "\n" };
            text.WriteLine(string.Join(',', columns.Select(c => CsvField(c.Name))));
            foreach (var row in rows)
            {
                text.WriteLine(string.Join(',', columns.Select(c => c.Text(row) is { } value ? CsvField(value) : string.Empty)));
            }

            return;
        }

        using var json = new Utf8JsonWriter(stream, JsonOptions);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.Name);
                WriteJsonValue(json, column, row);
            }

            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    /// <summary>A field as is, or quoted (quotes doubled) when it holds a comma, a quote, a line break or edge spaces, or is empty (an empty string, not a null).</summary>
    private static string CsvField(string value) =>
        value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

    private static void WriteJsonValue(Utf8JsonWriter json, FrameColumn column, long row)
    {
        switch (column.Data[row])
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case short or int or long:
                json.WriteNumberValue(Convert.ToInt64(column.Data[row], System.Globalization.CultureInfo.InvariantCulture));
                break;
            case float or double when Convert.ToDouble(column.Data[row], System.Globalization.CultureInfo.InvariantCulture) is var d:
                json.WriteNumberValue(double.IsFinite(d) ? d : throw WriteErrors.NotFinite(column.Name, row, d));
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case DateTime:
                json.WriteStringValue(column.Text(row, timeSeparator: 'T'));
                break;
            case var other:
                json.WriteStringValue(other.ToString());
                break;
        }
    }
}
