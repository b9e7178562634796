using System.Text.Json.Nodes;

namespace DevEndpoint.Run.Tests;

/// <summary>Writes small Jupyter notebooks (nbformat 4.5, C# cells) for <c>devendpoint run</c> to execute, and reads executed ones.</summary>
internal static class RunNotebookFile
{
    /// <summary>A code cell; tagged <c>parameters</c> when <paramref name="parameters"/> is set.</summary>
    public static JsonObject Code(string source, bool parameters = false) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = Guid.NewGuid().ToString("N")[..8],
        ["metadata"] = parameters ? new JsonObject { ["tags"] = new JsonArray("parameters") } : new JsonObject(),
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = Guid.NewGuid().ToString("N")[..8],
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    /// <summary>Writes a notebook of <paramref name="cells"/> to <paramref name="path"/>; returns the path.</summary>
    public static string Write(string path, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    public static JsonArray Cells(string path) => JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();

    /// <summary>A cell's source, joined when stored as lines.</summary>
    public static string Source(JsonNode cell) =>
        cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? string.Empty;
}
