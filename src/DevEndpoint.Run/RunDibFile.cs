using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevEndpoint.Run;

/// <summary>
/// Reads a Polyglot Notebooks <c>.dib</c> file: cells start at a line that is only a kernel selector (<c>#!csharp</c>,
/// <c>#!markdown</c>, ...; the kernels a leading <c>#!meta</c> block lists count too), text before the first one is a C#
/// cell, and a C# cell whose first line is <c>// parameters</c> is the parameters cell (a .dib has no cell tags).
/// </summary>
internal static class RunDibFile
{
    public const string ParametersMarker = "// parameters";

    private static readonly string[] KnownKernels =
    [
        "csharp", "c#", "C#", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql",
        "mermaid", "value", "http", "markdown", "md",
    ];

    public static RunNotebook Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var selectors = new HashSet<string>(KnownKernels, StringComparer.Ordinal);
        var defaultKernel = RunNotebook.DefaultKernelName;
        var start = 0;
        if (lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() == "#!meta")
        {
            start = Array.FindIndex(lines, l => l.Trim() == "#!meta") + 1;
            var end = Array.FindIndex(lines, start, l => l.StartsWith("#!", StringComparison.Ordinal));
            end = end < 0 ? lines.Length : end;
            defaultKernel = ReadMeta(path, string.Join('\n', lines[start..end]), selectors) ?? defaultKernel;
            start = end;
        }

        var cells = new List<RunCell>();
        var kernel = defaultKernel;
        var body = new List<string>();
        for (var i = start; i <= lines.Length; i++)
        {
            var selector = i < lines.Length && lines[i].StartsWith("#!", StringComparison.Ordinal) ? lines[i].Trim()[2..] : null;
            if (i == lines.Length || (selector is not null && selectors.Contains(selector)))
            {
                AddCell(cells, kernel, body);
                kernel = selector ?? kernel;
                body.Clear();
                continue;
            }

            body.Add(lines[i]);
        }

        var document = new JsonObject
        {
            ["cells"] = new JsonArray([.. cells.Select(c => c.Json)]),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = defaultKernel, ["items"] = new JsonArray() } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return RunNotebook.FromCells(path, document, cells);
    }

    private static void AddCell(List<RunCell> cells, string selector, List<string> body)
    {
        var first = body.FindIndex(l => l.Trim().Length > 0);
        if (first < 0)
        {
            return;
        }

        var last = body.FindLastIndex(l => l.Trim().Length > 0);
        var source = string.Join('\n', body[first..(last + 1)]);
        var kernel = RunNotebook.KernelName(selector)!;
        var kind = kernel is "markdown" or "md" ? CellKind.Markdown : CellKind.Code;
        string[] tags = kind == CellKind.Code && body[first].Trim() == ParametersMarker ? [RunParameters.ParametersTag] : [];
        var number = cells.Count + 1;
        cells.Add(RunCell.Create(number, kind, kernel, source, tags, $"cell-{number}"));
    }

    /// <summary>Reads the kernels a <c>#!meta</c> block lists into <paramref name="selectors"/>; returns its default kernel.</summary>
    private static string? ReadMeta(string path, string json, HashSet<string> selectors)
    {
        JsonNode? meta;
        try
        {
            meta = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw RunFailure.Unreadable($"{path}: its #!meta block is not valid JSON: {e.Message}");
        }

        var info = meta?["kernelInfo"];
        foreach (var item in info?["items"] as JsonArray ?? [])
        {
            foreach (var name in new[] { item?["name"] }.Concat(item?["aliases"] as JsonArray ?? []))
            {
                if ((string?)name is { Length: > 0 } text)
                {
                    selectors.Add(text.TrimStart('#', '!'));
                }
            }
        }

        return (string?)info?["defaultKernelName"];
    }
}
