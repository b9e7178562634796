using System.CommandLine;
using System.Diagnostics;
using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Magics;
using DevEndpoint.Libraries;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint run &lt;notebook&gt;</c>: executes a notebook's code cells in order, in this process, on a C# kernel with the
/// DevEndpoint kernel extension, as a job; stops at the first failing cell.
/// </summary>
internal static class RunCommand
{
    public const int Succeeded = 0;
    public const int CellFailed = 1;
    public const int UsageError = 2;
    public const int NotebookError = 3;

    public const string ExitCodes = """
        Exit codes:
          0  every code cell ran
          1  a cell failed (stderr names it: its number in the file and first line, and the error), or the kernel
             extension or --libraries did not load
          2  the command line is wrong: an unknown option, or a --param that the parameters cell does not declare or
             whose value is not of the declared type
          3  the notebook cannot be read (missing, not .ipynb or .dib, not nbformat 4), or --output cannot be written
        """;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var notebook = new Argument<string>("notebook") { Description = "The notebook: a Jupyter notebook (.ipynb, nbformat 4) or a Polyglot Notebooks file (.dib)." };
        var parameters = new Option<string[]>("--param")
        {
            Description = "name=value: assigns value to the variable 'name' of the cell tagged 'parameters' (in a .dib, the C# cell whose first line is '// parameters'), in a cell tagged 'injected-parameters' added after it. The value is parsed as the variable's type: int, long, double, bool or string (var takes its literal's type); other types, and names the cell does not declare, are refused. Repeat for each parameter.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var libraries = new Option<string[]>("--libraries")
        {
            Description = "Script libraries to attach before the first cell, as #!attach-library does: .cs, .zip, .dll or .nupkg files, or nuget:<id>,<version>; comma-separated or repeated.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var catalog = new Option<string?>("--catalog")
        {
            Description = $"The catalog file the notebook's magics and DataCatalog.Open() use (sets ${DataCatalog.PathVariable}; default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).",
        };
        var executed = new Option<string?>("--output")
        {
            Description = "Write the executed notebook, with every cell's outputs, to this .ipynb file (also when a cell fails).",
        };
        var command = new Command(
            "run",
            "Run a notebook as a job: execute its code cells in order on a C# kernel with the DevEndpoint magics, with the notebook's folder as the working directory, printing their outputs as they come; stop at the first failing cell.\n\n" + ExitCodes)
        {
            notebook, parameters, libraries, catalog, executed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var options = new RunOptions(
                    parse.GetValue(notebook)!,
                    RunParameters.Parse(parse.GetValue(parameters) ?? []),
                    [.. (parse.GetValue(libraries) ?? []).SelectMany(ScriptLibraryBuilder.SplitPaths)],
                    parse.GetValue(catalog),
                    parse.GetValue(executed));
                return await RunAsync(options, output, error);
            }
            catch (RunFailure failure)
            {
                await error.WriteLineAsync($"error: {failure.Message}");
                return failure.ExitCode;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(RunOptions options, TextWriter output, TextWriter error)
    {
        var outputPath = options.Output is null ? null : Path.GetFullPath(options.Output);
        if (outputPath is not null && !outputPath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            throw RunFailure.Usage($"--output {options.Output}: the executed notebook is written as a Jupyter notebook; give a path ending in .ipynb.");
        }

        var notebook = RunNotebook.Read(options.Notebook);
        InjectParameters(notebook, options.Parameters);
        var libraries = options.Libraries.Select(l => l.StartsWith(ScriptLibraryBuilder.NuGetPrefix, StringComparison.OrdinalIgnoreCase) ? l : Path.GetFullPath(l)).ToList();
        if (options.Catalog is not null)
        {
            Environment.SetEnvironmentVariable(DataCatalog.PathVariable, Path.GetFullPath(options.Catalog));
        }

        var clock = Stopwatch.StartNew();
        var setup = new RunOutputs(output, error, 0);
        using var kernel = await RunKernel.StartAsync(setup);
        if (libraries.Count > 0)
        {
            var attached = await kernel.RunAsync(new AttachLibraryMagic { Paths = string.Join(',', libraries) }, setup);
            if (attached is not null)
            {
                throw new RunFailure(CellFailed, $"--libraries did not attach: {attached}");
            }
        }

        var packages = libraries.Where(l => l.StartsWith(ScriptLibraryBuilder.NuGetPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(l => l[ScriptLibraryBuilder.NuGetPrefix.Length..].Split(',')[0].Trim())
            .ToList();
        Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path)!;
        var count = 0;
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            count++;
            await output.WriteLineAsync($"[{cell.Label}] {cell.FirstLine}");
            var failure = await RunCellAsync(kernel, cell, new RunOutputs(output, error, count), packages, setup, output);
            if (failure is not null)
            {
                await error.WriteLineAsync($"error: {cell.Name} failed: {WithoutStackTrace(failure)}");
                WriteIfAsked(notebook, outputPath);
                return CellFailed;
            }
        }

        WriteIfAsked(notebook, outputPath);
        await output.WriteLineAsync($"Ran {count} code cells of {notebook.Path} in {clock.Elapsed.TotalSeconds:0.0} s.{(outputPath is null ? string.Empty : $" Executed notebook: {outputPath}")}");
        return Succeeded;
    }

    /// <summary>
    /// Runs one code cell; returns its error, or null when it succeeded. The cell that loads the extension in Jupyter
    /// (<c>#r "nuget:DevEndpoint.Interactive,..."</c>) gets what loading it and <c>--libraries</c> displayed, as there.
    /// </summary>
    private static async Task<string?> RunCellAsync(RunKernel kernel, RunCell cell, RunOutputs outputs, IReadOnlyCollection<string> packages, RunOutputs setup, TextWriter output)
    {
        cell.Json["outputs"] = outputs.Outputs;
        cell.Json["execution_count"] = outputs.ExecutionCount;
        var (source, leftOut, failure) = RunPackageLines.Remove(cell.Source, packages);
        foreach (var line in leftOut)
        {
            await output.WriteLineAsync($"(left out: {line})");
        }

        if (leftOut.Any(RunPackageLines.LoadsExtension))
        {
            outputs.MoveFrom(setup);
        }

        if (failure is null && !kernel.HasKernel(cell.KernelName))
        {
            failure = $"it is a '{cell.KernelName}' cell, and devendpoint run has only the C# kernel (csharp) and the kernels the notebook adds (endpoints).";
        }
        else if (failure is null && source.Trim().Length > 0)
        {
            failure = await kernel.RunAsync(new SubmitCode(source, cell.KernelName), outputs);
        }

        if (failure is not null)
        {
            outputs.Fail(failure);
        }

        return failure;
    }

    /// <summary>The error without the stack trace of an exception (the executed notebook keeps it).</summary>
    private static string WithoutStackTrace(string failure) =>
        string.Join('\n', failure.Split('\n').Where(l => !l.StartsWith("   at ", StringComparison.Ordinal) && !l.StartsWith("--- End of", StringComparison.Ordinal))).TrimEnd();

    private static void WriteIfAsked(RunNotebook notebook, string? path)
    {
        if (path is not null)
        {
            notebook.Write(path);
        }
    }

    private static void InjectParameters(RunNotebook notebook, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        var tagged = notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.Tags.Contains(RunParameters.ParametersTag))
            ?? throw RunFailure.Usage($"--param {parameters[0].Key}: {notebook.Path} has no cell tagged '{RunParameters.ParametersTag}' to declare its parameters (in a .dib: a C# cell whose first line is '{RunDibFile.ParametersMarker}').");
        var source = RunParameters.InjectedSource(parameters, tagged);
        var id = notebook.CellsHaveIds ? RunParameters.InjectedTag : null;
        notebook.InsertAfter(tagged, RunCell.Create(null, CellKind.Code, tagged.KernelName, source, [RunParameters.InjectedTag], id));
    }

    private sealed record RunOptions(string Notebook, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyList<string> Libraries, string? Catalog, string? Output);
}
