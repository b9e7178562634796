using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Frames;
using DevEndpoint.Sql;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint sql "&lt;query&gt;" [--param name=value]... [--limit n] [--json|--csv] [--catalog &lt;file&gt;]</c>: DuckDB SQL over the
/// catalog's tables, printed as a text table, JSON or CSV.
/// </summary>
internal static class SqlCommand
{
    public static Command Create(TextWriter output)
    {
        var query = CliDescriptions.Argument<string>(SqlDescription.Query);
        var parameters = CliDescriptions.Option<string[]>(SqlDescription.Param);
        parameters.CustomParser = Parameters;
        var limit = CliDescriptions.Option<long?>(SqlDescription.Limit);
        var json = CliDescriptions.Option<bool>(SqlDescription.Json);
        var csv = CliDescriptions.Option<bool>(SqlDescription.Csv);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(SqlDescription.Command, query, parameters, limit, json, csv, catalog);
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(csv))
            {
                result.AddError("--json and --csv are two forms of the same output: give one of them.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new SqlSession(DataCatalog.Open(parse.GetValue(catalog)));
            var values = (parse.GetValue(parameters) ?? []).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (object?)p[1], StringComparer.Ordinal);
            var result = await session.RunAsync(parse.GetValue(query)!, new SqlQueryOptions { Parameters = values, Limit = parse.GetValue(limit) }, cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json(result));
            }
            else if (parse.GetValue(csv))
            {
                WriteCsv(output, result);
            }
            else
            {
                WriteText(output, result);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Each <c>--param</c> as <c>name=value</c>; a name that is no identifier is a usage error.</summary>
    private static string[] Parameters(ArgumentResult result)
    {
        var values = result.Tokens.Select(t => t.Value).ToArray();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !value[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(value[0]))
            {
                result.AddError($"--param takes name=value, such as --param region=EU (the query names it {{{{region}}}}); got '{value}'.");
            }
        }

        return values;
    }

    private static void WriteText(TextWriter output, SqlResult result)
    {
        var frame = result.Frame;
        TextTable.Write(
            output,
            frame.Columns.Select(c => c.Name).ToList(),
            Enumerable.Range(0, (int)frame.Rows.Count).Select(r => frame.Columns.Select((c, i) => CellText.Format(c[r], result.Types[i] == "DATE")).ToList()));
        output.WriteLine($"({frame.Rows.Count.ToString(CultureInfo.InvariantCulture)} rows)");
    }

    private static void WriteCsv(TextWriter output, SqlResult result)
    {
        var frame = result.Frame;
        output.WriteLine(string.Join(',', frame.Columns.Select(c => Field(c.Name))));
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            output.WriteLine(string.Join(',', frame.Columns.Select((c, i) => c[row] is null ? string.Empty : Field(CellText.Format(c[row], result.Types[i] == "DATE")))));
        }
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    /// <summary>The result as <c>{"Columns":[{"Name":..,"Type":..}],"Rows":[[..],..]}</c>: numbers and booleans as JSON's, dates and timestamps as ISO text.</summary>
    private static string Json(SqlResult result)
    {
        var frame = result.Frame;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Columns");
            for (var i = 0; i < frame.Columns.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", frame.Columns[i].Name);
                writer.WriteString("Type", result.Types[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Rows");
            for (long row = 0; row < frame.Rows.Count; row++)
            {
                writer.WriteStartArray();
                for (var i = 0; i < frame.Columns.Count; i++)
                {
                    WriteValue(writer, frame.Columns[i][row], result.Types[i] == "DATE");
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, bool date)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case DateTime time:
                writer.WriteStringValue(date ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : time.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(CellText.Format(value));
                break;
        }
    }
}
