using System.Diagnostics;
using System.Text.Json;

namespace DevEndpoint.LoadBench;

/// <summary>What a process took from start to exit, and the JSON line it printed last.</summary>
internal sealed record Run(TimeSpan Wall, JsonElement Report)
{
    public double LoadMs => Report.GetProperty("elapsedMs").GetDouble();

    public long PeakBytes => Report.GetProperty("peakWorkingSetBytes").GetInt64();

    public long Rows => Report.GetProperty("rows").GetInt64();

    /// <summary>Runs <paramref name="runner"/> once, with <paramref name="extraArgs"/>.</summary>
    public static async Task<Run> OfAsync(Runner runner, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in runner.Args.Prepend(runner.Dll).Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = stopwatch.Elapsed;
        if (process.ExitCode != 0)
        {
            var firstError = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
            throw new RunFailedException($"exit code {process.ExitCode}: {firstError.Trim()}");
        }

        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var json = JsonDocument.Parse(last);
        return new Run(wall, json.RootElement.Clone());
    }
}

/// <summary>A run that exited with an error: the bench reports it and goes on with the other readers.</summary>
internal sealed class RunFailedException(string message) : Exception(message);
