using System.Diagnostics;

namespace DevEndpoint.Cli;

/// <summary>
/// The command is built without tiered compilation, so a load's loops are compiled fully optimised at once. Running a
/// notebook is the opposite case: Roslyn and the kernel run a great deal of code once, and optimising all of it first
/// makes <c>devendpoint run</c> start about 2 s of CPU slower (measured on a five-cell notebook: 3.4-3.7 s of CPU instead
/// of 1.5 s; see the README).
/// So <c>run</c> starts itself again with tiered compilation on (<c>DOTNET_TieredCompilation=1</c>), unless that variable
/// is already set, either way.
/// </summary>
internal static class RunTieredCompilation
{
    private const string Variable = "DOTNET_TieredCompilation";

    public static bool ShouldRestart(string[] args) =>
        args.Length > 0 && args[0] == "run"
        && Environment.GetEnvironmentVariable(Variable) is null
        && AppContext.GetData("System.Runtime.TieredCompilation") is false or "false"
        && Environment.ProcessPath is not null;

    /// <summary>Runs this command again with tiered compilation on, its standard streams shared; returns its exit code.</summary>
    public static async Task<int> RestartAsync(string[] args)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RunTieredCompilation).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Variable] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
