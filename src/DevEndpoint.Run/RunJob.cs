using System.Diagnostics;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using DevEndpoint.Interactive.Magics;
using DevEndpoint.Libraries;
using Microsoft.Data.Sqlite;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Run;

/// <summary>
/// <c>devendpoint run &lt;notebook&gt;</c>: executes a notebook's code cells in order, in this process, on a C# kernel with the
/// DevEndpoint kernel extension, as a job; stops at the first failing cell. The <c>devendpoint</c> command parses the
/// command line and starts this executable with it (see <see cref="RunArguments"/>).
/// </summary>
internal static class RunJob
{
    public const int Succeeded = 0;
    public const int CellFailed = 1;
    public const int UsageError = 2;
    public const int NotebookError = 3;

    /// <summary>Runs the job the arguments describe; returns its exit code, after writing why it stopped to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return await RunAsync(RunArguments.Parse(args), output, error);
        }
        catch (RunFailure failure)
        {
            await error.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
        catch (Exception e) when (e is DevEndpointException or IOException or UnauthorizedAccessException or SqliteException)
        {
            // As the devendpoint command answers them: what failed, never with a stack trace.
            await error.WriteLineAsync($"error: {SecretMask.Apply(e.Message)}");
            return CellFailed;
        }
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

}
