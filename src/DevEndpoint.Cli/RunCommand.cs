using System.CommandLine;
using System.Diagnostics;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint run &lt;notebook&gt;</c>: parses and checks the command line here, then starts the run executable that
/// ships beside this command (<c>run/DevEndpoint.Run.dll</c>, which carries .NET Interactive so that this command does
/// not) with it, its output and errors going straight to this command's, and returns its exit code.
/// </summary>
internal static class RunCommand
{
    /// <summary>The folder beside the command that holds the run executable and what it needs.</summary>
    public const string Folder = "run";

    public const string Executable = "DevEndpoint.Run.dll";

    public const string ExitCodes = """
        Exit codes:
          0  every code cell ran
          1  a cell failed (stderr names it: its number in the file and first line, and the error), or the kernel
             extension or --libraries did not load
          2  the command line is wrong: an unknown option, or a --param that the parameters cell does not declare or
             whose value is not of the declared type
          3  the notebook cannot be read (missing, not .ipynb or .dib, not nbformat 4), or --output cannot be written
        """;

    public static Command Create()
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
            var arguments = new List<string> { parse.GetValue(notebook)! };
            arguments.AddRange((parse.GetValue(parameters) ?? []).SelectMany(p => new[] { "--param", p }));
            arguments.AddRange((parse.GetValue(libraries) ?? []).SelectMany(l => new[] { "--libraries", l }));
            foreach (var (option, value) in new[] { ("--catalog", parse.GetValue(catalog)), ("--output", parse.GetValue(executed)) })
            {
                if (value is not null)
                {
                    arguments.AddRange([option, value]);
                }
            }

            return await StartAsync(arguments, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the run executable with <paramref name="arguments"/>, sharing this process's console; returns its exit code.</summary>
    private static async Task<int> StartAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, Folder, Executable);
        if (!File.Exists(executable))
        {
            throw new DevEndpointException(
                $"devendpoint run needs the run executable beside the devendpoint command, and {executable} is missing. Reinstall the command (./build.sh cli, or the DevEndpoint.Cli tool package), which ships it in its '{Folder}' folder.");
        }

        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new DevEndpointException($"devendpoint run could not start {executable}.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    /// <summary>The dotnet host running this command, else the one <c>DOTNET_HOST_PATH</c> or <c>DOTNET_ROOT</c> names, else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet"))
            ? Path.Combine(root, "dotnet")
            : "dotnet";
    }
}
