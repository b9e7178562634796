using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>CSV (see <see cref="FrameCsv"/>) or JSON lines, UTF-8, gzip-compressed when asked.</summary>
    private static void WriteText(string path, IReadOnlyList<FrameColumn> columns, IReadOnlyList<long> rows, WriteFormat format, string codec)
    {
        using var file = File.Create(path);
        using var stream = codec == Formats.Compression.Gzip ? new GZipStream(file, CompressionLevel.Optimal) : (Stream)file;
        if (format == WriteFormat.Csv)
        {
            FrameCsv.Write(stream, columns, rows);
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
            case sbyte or short or int or long:
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
