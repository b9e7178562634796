using System.CommandLine;
using System.Diagnostics;
using DevEndpoint.Commands;

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

    public static Command Create()
    {
        var notebook = CliDescriptions.Argument<string>(RunDescription.Notebook);
        var parameters = CliDescriptions.Option<string[]>(RunDescription.Param);
        parameters.Arity = ArgumentArity.ZeroOrMore;
        var libraries = CliDescriptions.Option<string[]>(RunDescription.Libraries);
        libraries.Arity = ArgumentArity.ZeroOrMore;
        var catalog = CliDescriptions.Option<string?>(RunDescription.Catalog);
        var executed = CliDescriptions.Option<string?>(RunDescription.Output);
        var command = CliDescriptions.Command(RunDescription.Command, notebook, parameters, libraries, catalog, executed);
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

            return await StartAsync(Folder, Executable, "devendpoint run", arguments, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Runs an executable that ships beside this command (<paramref name="folder"/>/<paramref name="executable"/>) with
    /// <paramref name="arguments"/>, sharing this process's console; returns its exit code. <paramref name="what"/> names
    /// the command that needs it, for the message when it is missing.
    /// </summary>
    internal static async Task<int> StartAsync(string folder, string executable, string what, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder, executable);
        if (!File.Exists(path))
        {
            throw new DevEndpointException(
                $"{what} needs the {folder} executable beside the devendpoint command, and {path} is missing. Reinstall the command (./build.sh cli, or the DevEndpoint.Cli tool package), which ships it in its '{folder}' folder.");
        }

        var start = new ProcessStartInfo(DotnetHost.Path()) { UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new DevEndpointException($"{what} could not start {path}.");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C reaches the child too; a cancelled wait still waits for it to finish leaving (a worker leaves its cluster).
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return process.ExitCode;
    }
}
