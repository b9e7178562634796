using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevEndpoint.Run;

/// <summary>
/// A notebook read for <c>devendpoint run</c>: a Jupyter notebook (nbformat 4) or a Polyglot Notebooks <c>.dib</c> file, as
/// cells with their kernels, held as an nbformat 4 document that receives the outputs and can be written back.
/// </summary>
internal sealed class RunNotebook
{
    public const string DefaultKernelName = "csharp";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly JsonObject document;
    private readonly List<RunCell> cells;

    private RunNotebook(string path, JsonObject document, List<RunCell> cells)
    {
        Path = path;
        this.document = document;
        this.cells = cells;
    }

    public string Path { get; }

    public IReadOnlyList<RunCell> Cells => cells;

    /// <summary>Reads <paramref name="path"/> by its extension, <c>.ipynb</c> or <c>.dib</c>.</summary>
    public static RunNotebook Read(string path)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".ipynb" or ".dib"))
        {
            throw RunFailure.Unreadable($"{path}: devendpoint run executes Jupyter notebooks (.ipynb) and Polyglot Notebooks files (.dib), not '{extension}' files.");
        }

        if (!File.Exists(path))
        {
            throw RunFailure.Unreadable($"{path}: no such file.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw RunFailure.Unreadable($"{path}: cannot be read: {e.Message}");
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        return extension == ".dib" ? RunDibFile.Parse(fullPath, text) : ParseIpynb(fullPath, text);
    }

    /// <summary>A notebook whose cells and document were built elsewhere (a .dib file).</summary>
    public static RunNotebook FromCells(string path, JsonObject document, List<RunCell> cells) => new(path, document, cells);

    /// <summary>Puts <paramref name="cell"/> after <paramref name="previous"/>, in the cells and in the document.</summary>
    public void InsertAfter(RunCell previous, RunCell cell)
    {
        cells.Insert(cells.IndexOf(previous) + 1, cell);
        var array = document["cells"]!.AsArray();
        array.Insert(array.IndexOf(previous.Json) + 1, cell.Json);
    }

    /// <summary>True when cells carry ids (nbformat 4.5 and later), so a new cell needs one.</summary>
    public bool CellsHaveIds => (document["nbformat_minor"]?.GetValue<int>() ?? 0) >= 5;

    /// <summary>Writes the notebook with its outputs to <paramref name="path"/> as nbformat 4 JSON, atomically.</summary>
    public void Write(string path)
    {
        try
        {
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(document.ToJsonString(Indented) + "\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw RunFailure.Unreadable($"{path}: the executed notebook cannot be written: {e.Message}");
        }
    }

    private static RunNotebook ParseIpynb(string path, string text)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(text) as JsonObject ?? throw RunFailure.Unreadable($"{path}: is not a Jupyter notebook: its JSON is not an object.");
        }
        catch (JsonException e)
        {
            throw RunFailure.Unreadable($"{path}: is not a Jupyter notebook: invalid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        if (document["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major) || major != 4 || document["cells"] is not JsonArray array)
        {
            throw RunFailure.Unreadable($"{path}: is not an nbformat 4 notebook (it needs \"nbformat\": 4 and a \"cells\" array); open and save it in Jupyter to upgrade it.");
        }

        var defaultKernel = NotebookDefaultKernel(document);
        var needsIds = (document["nbformat_minor"]?.GetValue<int>() ?? 0) >= 5;
        var cells = new List<RunCell>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject cell)
            {
                throw RunFailure.Unreadable($"{path}: cell {i + 1} is not a JSON object.");
            }

            var kind = (string?)cell["cell_type"] switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                var other => throw RunFailure.Unreadable($"{path}: cell {i + 1} has cell_type '{other}'; nbformat 4 knows code, markdown and raw."),
            };
            if (needsIds && cell["id"] is null)
            {
                // nbformat 4.5 requires cell ids; give the cells that lack one an id, as nbformat's normalize() does.
                cell["id"] = $"cell-{i + 1}";
            }

            if (kind == CellKind.Code)
            {
                // As papermill does: the executed notebook shows this run's outputs only, none left from an earlier one.
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }

            var metadata = cell["metadata"] as JsonObject;
            var kernel = (string?)metadata?["polyglot_notebook"]?["kernelName"] ?? (string?)metadata?["dotnet_interactive"]?["language"];
            cells.Add(new RunCell(i + 1, kind, KernelName(kernel) ?? defaultKernel, SourceText(cell["source"]), Tags(metadata), cell));
        }

        return new RunNotebook(path, document, cells);
    }

    /// <summary>The kernel of cells that name none: Polyglot's default kernel, else the kernelspec's language, else C#.</summary>
    private static string NotebookDefaultKernel(JsonObject document)
    {
        var metadata = document["metadata"];
        return KernelName((string?)metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"])
            ?? KernelName((string?)metadata?["kernelspec"]?["language"])
            ?? DefaultKernelName;
    }

    /// <summary>A kernel name from a language name as notebooks record it (<c>C#</c>, <c>F#</c>, <c>PowerShell</c>).</summary>
    public static string? KernelName(string? language) => language?.Trim() switch
    {
        null or "" => null,
        "C#" or "c#" => "csharp",
        "F#" or "f#" => "fsharp",
        "PowerShell" or "powershell" => "pwsh",
        var name => name,
    };

    private static string SourceText(JsonNode? source) => source switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    private static List<string> Tags(JsonObject? metadata) =>
        metadata?["tags"] is JsonArray tags ? [.. tags.Select(t => (string?)t).OfType<string>()] : [];
}
