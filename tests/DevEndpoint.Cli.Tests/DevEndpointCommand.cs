using System.Diagnostics;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli.Tests;

/// <summary>What one run of the command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real <c>devendpoint</c> command (DevEndpoint.Cli.dll, copied next to the tests) as a child process.</summary>
internal static class DevEndpointCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "DevEndpoint.Cli.dll");

    /// <summary>
    /// Runs the command with <paramref name="args"/>. <c>DEVENDPOINT_CATALOG</c> is removed from the child's environment
    /// unless <paramref name="environment"/> sets it. <paramref name="runAs"/>, when given, is the command line that
    /// starts the command as another user (<c>setpriv --reuid=...</c>). <paramref name="dllPath"/>, when given, is a copy
    /// of the command to run instead of the one next to the tests.
    /// </summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? runAs = null, string? dllPath = null)
    {
        dllPath ??= DllPath;
        Assert.True(File.Exists(dllPath), $"The command is not next to the tests: {dllPath} is missing. Build tests/DevEndpoint.Cli.Tests.");
        Assert.True(File.Exists(Path.ChangeExtension(dllPath, ".runtimeconfig.json")), $"{dllPath} has no runtimeconfig.json next to it.");
        var start = new ProcessStartInfo(runAs?[0] ?? DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var arg in runAs.Skip(1).Append(DotnetHost()))
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(dllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(DataCatalog.PathVariable);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"devendpoint {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    /// <summary>The dotnet host running these tests, else the one the SDK names, else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
