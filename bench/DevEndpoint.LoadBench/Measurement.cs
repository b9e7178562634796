using System.Diagnostics;
using System.Text.Json;

namespace DevEndpoint.LoadBench;

/// <summary>One reader of one format, run as <c>dotnet &lt;dll&gt; &lt;args&gt;</c>.</summary>
internal sealed record Runner(string Format, string Reader, string Dll, IReadOnlyList<string> Args);

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

/// <summary>The runs of one reader: a warm-up run (not timed, it warms the page cache), then the timed runs.</summary>
internal sealed record Measurement(Runner Runner, Run? WarmUp, IReadOnlyList<Run> Runs, string? Failure)
{
    public TimeSpan MedianWall => Runs.Select(r => r.Wall).Order().ElementAt(Runs.Count / 2);

    public double MedianLoadMs => Runs.Select(r => r.LoadMs).Order().ElementAt(Runs.Count / 2);

    public long MedianPeakBytes => Runs.Select(r => r.PeakBytes).Order().ElementAt(Runs.Count / 2);

    public bool Succeeded => Failure is null;

    /// <summary>Runs <paramref name="runner"/>: a warm-up run with <paramref name="warmUpArgs"/>, then <paramref name="runs"/> timed runs.</summary>
    public static async Task<Measurement> TakeAsync(Runner runner, int runs, params string[] warmUpArgs)
    {
        Console.Write($"{runner.Format,-10} {runner.Reader,-28}");
        Run? warmUp = null;
        var timed = new List<Run>();
        try
        {
            warmUp = await Run.OfAsync(runner, warmUpArgs);
            for (var i = 0; i < runs; i++)
            {
                timed.Add(await Run.OfAsync(runner));
                Console.Write($" {timed[^1].Wall.TotalSeconds:0.00}s");
            }

            Console.WriteLine();
            return new Measurement(runner, warmUp, timed, null);
        }
        catch (RunFailedException e)
        {
            Console.WriteLine($" FAILED: {e.Message}");
            return new Measurement(runner, warmUp, timed, e.Message);
        }
    }
}
