using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

/// <summary>
/// The commands that need code generated at run time (their description's <see cref="CommandDescription.NeedsDynamicCode"/>:
/// ML.NET training and scoring) cannot run in the command compiled ahead of time (NativeAOT). That build hands them, with
/// the same arguments and environment, to the copy of the command published beside it for the JIT
/// (<c>jit/DevEndpoint.Cli.dll</c>, started with <c>dotnet</c>), and returns its exit code.
/// </summary>
internal static class JitCopy
{
    /// <summary>The folder beside the command that holds the JIT copy.</summary>
    public const string Folder = "jit";

    public const string Executable = "DevEndpoint.Cli.dll";

    /// <summary>Where the command compiled ahead of time looks for its JIT copy.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, Folder, Executable);

    /// <summary>Whether this process hands the parsed command to the JIT copy: it needs dynamic code, and this process has none.</summary>
    public static bool HandsOver(ParseResult parse) => HandsOver(parse, RuntimeFeature.IsDynamicCodeSupported);

    /// <summary>Whether a process that can (<paramref name="dynamicCodeSupported"/>) or cannot generate code hands the parsed command over.</summary>
    public static bool HandsOver(ParseResult parse, bool dynamicCodeSupported) =>
        !dynamicCodeSupported && Description(parse.CommandResult) is { NeedsDynamicCode: true };

    /// <summary>
    /// Runs <paramref name="command"/> (as the user calls it, e.g. <c>devendpoint ml evaluate</c>) in the JIT copy at
    /// <paramref name="executable"/> with <paramref name="args"/>: this process's standard input and environment, its output
    /// and errors copied to <paramref name="output"/> and <paramref name="error"/> as they come.
    /// </summary>
    public static async Task<int> RunAsync(string command, string executable, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(executable))
        {
            throw new DevEndpointException(
                $"{command} trains or scores with ML.NET, which needs code generated at run time: this devendpoint, compiled ahead of time, hands it to the copy of the command for the JIT beside it, and {executable} is missing. Reinstall the command with ./build.sh cli, which publishes that copy into its '{Folder}' folder.");
        }

        var start = new ProcessStartInfo(DotnetHost.Path()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(executable);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new DevEndpointException($"{command} could not start {executable}.");
        var copies = Task.WhenAll(CopyAsync(process.StandardOutput, output), CopyAsync(process.StandardError, error));
        await process.WaitForExitAsync(cancellationToken);
        await copies;
        return process.ExitCode;
    }

    private static CommandDescription? Description(CommandResult command)
    {
        var name = CliUsage.CommandPath(command);
        return CommandDescriptions.All.FirstOrDefault(d => $"devendpoint {d.Name}" == name);
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            await to.FlushAsync();
        }
    }
}
