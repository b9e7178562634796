using System.Text.Json.Nodes;

namespace DevEndpoint.Run;

/// <summary>
/// One cell of a notebook that <c>devendpoint run</c> executes: its kind, the kernel it runs on and its source, and its
/// nbformat form (<see cref="Json"/>), which receives the outputs.
/// </summary>
internal sealed class RunCell(int? number, CellKind kind, string kernelName, string source, IReadOnlyList<string> tags, JsonObject json)
{
    /// <summary>Its 1-based position among the notebook file's cells; null for the injected parameters cell.</summary>
    public int? Number { get; } = number;

    public CellKind Kind { get; } = kind;

    public string KernelName { get; } = kernelName;

    public string Source { get; } = source;

    public IReadOnlyList<string> Tags { get; } = tags;

    public JsonObject Json { get; } = json;

    /// <summary><c>cell 4</c>, or <c>injected-parameters</c>.</summary>
    public string Label => Number is { } number ? $"cell {number}" : RunParameters.InjectedTag;

    /// <summary>The first line that is not blank, cut at 80 characters.</summary>
    public string FirstLine
    {
        get
        {
            var line = Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(empty)";
            return line.Length > 80 ? string.Concat(line.AsSpan(0, 77), "...") : line;
        }
    }

    /// <summary>How errors name the cell: <c>cell 4 ('#!load sales.orders --as orders')</c>.</summary>
    public string Name => Number is null ? $"the {Label} cell ('{FirstLine}')" : $"{Label} ('{FirstLine}')";

    /// <summary>A new cell and its nbformat form; <paramref name="id"/> is needed from nbformat 4.5 on.</summary>
    public static RunCell Create(int? number, CellKind kind, string kernelName, string source, IReadOnlyList<string> tags, string? id)
    {
        var json = new JsonObject { ["cell_type"] = kind.ToString().ToLowerInvariant() };
        if (kind == CellKind.Code)
        {
            json["execution_count"] = null;
        }

        if (id is not null)
        {
            json["id"] = id;
        }

        var metadata = new JsonObject();
        if (kind == CellKind.Code)
        {
            metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernelName };
        }

        if (tags.Count > 0)
        {
            metadata["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]);
        }

        json["metadata"] = metadata;
        if (kind == CellKind.Code)
        {
            json["outputs"] = new JsonArray();
        }

        json["source"] = Lines(source);
        return new RunCell(number, kind, kernelName, source, tags, json);
    }

    /// <summary>Text as nbformat stores it: lines, each but the last ending with its line feed.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(JsonValue.Create(text[start..end]));
            start = end;
        }

        return lines;
    }
}

/// <summary>What a cell holds.</summary>
internal enum CellKind
{
    Code,
    Markdown,
    Raw,
}
