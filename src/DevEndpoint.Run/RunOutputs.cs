using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Run;

/// <summary>
/// The outputs of one cell as it runs: printed at once (the plain text of displayed values, the cell's stdout and
/// stderr) and kept as nbformat outputs for the executed notebook. A display updated in place (progress) is printed
/// once when shown and once more, as it ended, when the cell is done.
/// </summary>
internal sealed class RunOutputs(TextWriter output, TextWriter error, int executionCount)
{
    public int ExecutionCount => executionCount;

    private const string HtmlMimeType = "text/html";

    private readonly Lock gate = new();
    private readonly Dictionary<string, (JsonObject Output, string Text)> displays = [];
    private readonly HashSet<string> updated = [];

    public JsonArray Outputs { get; } = [];

    public void Add(KernelEvent kernelEvent)
    {
        lock (gate)
        {
            switch (kernelEvent)
            {
                case StandardOutputValueProduced stdout:
                    Stream("stdout", Text(stdout), output);
                    break;
                case StandardErrorValueProduced stderr:
                    Stream("stderr", Text(stderr), error);
                    break;
                case ErrorProduced produced:
                    Stream("stderr", produced.Message + "\n", error);
                    break;
                case ReturnValueProduced returned:
                    Outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = Data(returned), ["metadata"] = new JsonObject() });
                    output.WriteLine(Text(returned));
                    break;
                case DisplayedValueProduced displayed:
                    var display = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(displayed), ["metadata"] = new JsonObject() };
                    Outputs.Add(display);
                    var text = Text(displayed);
                    if (displayed.ValueId is { } valueId)
                    {
                        displays[valueId] = (display, text);
                    }

                    output.WriteLine(text);
                    break;
                case DisplayedValueUpdated update when update.ValueId is { } id && displays.TryGetValue(id, out var shown):
                    shown.Output["data"] = Data(update);
                    displays[id] = (shown.Output, Text(update));
                    updated.Add(id);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Prints how the displays updated in place ended.</summary>
    public void Complete()
    {
        lock (gate)
        {
            foreach (var id in updated)
            {
                output.WriteLine(displays[id].Text);
            }

            updated.Clear();
        }
    }

    /// <summary>Moves the outputs of <paramref name="other"/> (already printed) before this cell's.</summary>
    public void MoveFrom(RunOutputs other)
    {
        lock (gate)
        {
            var moved = other.Outputs.ToList();
            other.Outputs.Clear();
            for (var i = 0; i < moved.Count; i++)
            {
                Outputs.Insert(i, moved[i]);
            }
        }
    }

    /// <summary>Adds the cell's error, as Jupyter shows a failed cell.</summary>
    public void Fail(string message)
    {
        lock (gate)
        {
            Outputs.Add(new JsonObject
            {
                ["output_type"] = "error",
                ["ename"] = "Error",
                ["evalue"] = message,
                ["traceback"] = new JsonArray([.. message.Split('\n').Select(l => JsonValue.Create(l))]),
            });
        }
    }

    private void Stream(string name, string text, TextWriter console)
    {
        console.Write(text);
        if (Outputs.Count > 0 && Outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            last["text"] = (string?)last["text"] + text;
            return;
        }

        Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
    }

    /// <summary>The mime bundle of a display, with text/plain always among them.</summary>
    private static JsonObject Data(DisplayEvent display)
    {
        var data = new JsonObject();
        foreach (var value in display.FormattedValues)
        {
            data[value.MimeType] = value.MimeType.EndsWith("json", StringComparison.Ordinal) ? Json(value.Value) : JsonValue.Create(value.Value);
        }

        if (!data.ContainsKey(PlainTextFormatter.MimeType))
        {
            data[PlainTextFormatter.MimeType] = Text(display);
        }

        return data;
    }

    private static JsonNode? Json(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>
    /// The plain text of a display: its text/plain form; else, for HTML (the magics' views), the HTML as text; else the
    /// value's own ToString() when its type has one (a DataFrame as a table, not the tree of its properties), else the
    /// value formatted as text/plain.
    /// </summary>
    private static string Text(DisplayEvent display)
    {
        var values = display.FormattedValues;
        var plain = values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType);
        if (plain is not null)
        {
            return plain.Value;
        }

        if (display.Value is { } value and not IHtmlContent)
        {
            return value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType == typeof(object)
                ? value.ToDisplayString(PlainTextFormatter.MimeType)
                : value.ToString() ?? string.Empty;
        }

        var html = values.FirstOrDefault(v => v.MimeType == HtmlMimeType);
        return html is not null ? RunHtmlText.ToText(html.Value) : values.FirstOrDefault()?.Value ?? string.Empty;
    }
}
